/**
 * An example custom vendor, documented in docs/custom-vendors.md. "Acme LLM" is imaginary: its admin
 * API has workspaces and keys with a rate limit and an expiry. Not registered by default.
 */
import {
  BaseVendorProvisioner,
  VendorError,
  belongsToIntent,
  callContextFor,
  callVendor,
  headerReaderOf,
  ignoreNotFound,
  isManagedName,
  managedScopeName,
  parseIntentPrefix,
  parseRetryAfter,
  runtimeFrom,
  type ConnectionCheck,
  type DecryptedConnection,
  type ManagedScope,
  type PolicyReadback,
  type ProvisionIntent,
  type ProvisionResult,
  type ProvisionerRuntime,
  type StepRecorder,
  type VendorCallContext,
  type VendorCapabilities,
  type VendorFailure,
  type VendorKeyRef,
} from '@keygate/provisioners';

interface AcmeWorkspace {
  id: string;
  name: string;
}

interface AcmeKey {
  id: string;
  secret?: string;
  rpm: number;
}

/** Thrown by the tiny HTTP client below; describeAcmeFailure turns it into a VendorFailure. */
class AcmeHttpError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly headers: Headers | undefined,
    message: string,
  ) {
    super(message);
  }
}

function describeAcmeFailure(error: unknown): VendorFailure {
  if (!(error instanceof AcmeHttpError)) return { message: error instanceof Error ? error.message : String(error) };
  const retryAfterMs = parseRetryAfter(headerReaderOf(error.headers), Date.now());
  return {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    message: error.message,
  };
}

export class AcmeLlmProvisioner extends BaseVendorProvisioner {
  readonly vendor = 'acme_llm';
  readonly capabilities: VendorCapabilities = {
    fields: {
      budget_limit_usd: { enforcement: 'none', note: 'Not enforced: Acme has no spend limits and KeyGate does not read its usage.' },
      rate_limit_rpm: { enforcement: 'vendor', note: 'Set on the Acme key; Acme answers 429 above it.' },
      models_allowed: { enforcement: 'none', note: 'Not enforced: Acme keys can call every Acme model.' },
      expires_in_days: { enforcement: 'vendor', note: 'Set as the Acme key expiry.' },
    },
    keyDelivery: 'immediate',
    rotation: 'reprovision',
  };
  private readonly runtime: ProvisionerRuntime;

  /** The base URL is server configuration, never part of a connection. */
  constructor(private readonly baseUrl: string, runtime?: ProvisionerRuntime) {
    super();
    this.runtime = runtime ?? runtimeFrom({});
  }

  async checkConnection(conn: DecryptedConnection): Promise<ConnectionCheck> {
    const ctx = this.ctx(conn);
    try {
      await callVendor(ctx, 'list workspaces', () => this.http<{ data: AcmeWorkspace[] }>(conn, 'GET', '/v1/workspaces'));
      return { ok: true, missingPermissions: [], detail: 'The Acme admin key works.' };
    } catch (error: unknown) {
      if (error instanceof VendorError && error.kind === 'connection_rejected') return { ok: false, missingPermissions: ['Acme admin key'], detail: error.message };
      throw error;
    }
  }

  async provision(conn: DecryptedConnection, intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult> {
    const ctx = this.ctx(conn);
    const scopeName = managedScopeName(intent, { maxLength: 48 });
    // Find-or-create as one retried unit: a create whose answer was lost is found on the next attempt.
    const workspace = await callVendor(ctx, 'create workspace', async () => {
      const existing = (await this.workspaces(conn)).find((w) => w.name === scopeName);
      return existing ?? (await this.http<AcmeWorkspace>(conn, 'POST', '/v1/workspaces', { name: scopeName }));
    });
    await record('workspace_created', { scopeId: workspace.id, scopeName });
    const key = await callVendor(ctx, 'create key', () =>
      this.http<AcmeKey>(conn, 'POST', `/v1/workspaces/${workspace.id}/keys`, {
        rpm: intent.policy.rateLimitRpm,
        expires_at: intent.policy.expiresAt.toISOString(),
      }),
    );
    ctx.scrubber.add(key.secret);
    await record('key_created', { scopeId: workspace.id, scopeName, vendorKeyId: key.id });
    return {
      scopeId: workspace.id,
      scopeName,
      vendorKeyId: key.id,
      refs: {},
      secret: key.secret ?? null,
      hint: key.secret ? `…${key.secret.slice(-4)}` : null,
      instructions: { base_url: 'https://api.acme.example/v1', auth_header: 'Authorization: Bearer <key>' },
    };
  }

  async revoke(conn: DecryptedConnection, ref: VendorKeyRef, opts: { offboard: boolean }): Promise<void> {
    const ctx = this.ctx(conn);
    const keyIds = ref.vendorKeyId ? [ref.vendorKeyId] : (await this.keys(ctx, conn, ref.scopeId)).map((key) => key.id);
    for (const id of keyIds) await ignoreNotFound(callVendor(ctx, 'delete key', () => this.http(conn, 'DELETE', `/v1/keys/${id}`)));
    if (opts.offboard) await ignoreNotFound(callVendor(ctx, 'delete workspace', () => this.http(conn, 'DELETE', `/v1/workspaces/${ref.scopeId}`)));
  }

  async findByIntent(conn: DecryptedConnection, intentId: string): Promise<VendorKeyRef[]> {
    const workspaces = await callVendor(this.ctx(conn), 'list workspaces', () => this.workspaces(conn));
    return workspaces
      .filter((w) => belongsToIntent(w.name, intentId))
      .map((w) => ({ scopeId: w.id, scopeName: w.name, vendorKeyId: null, refs: {} }));
  }

  async *listManaged(conn: DecryptedConnection): AsyncIterable<ManagedScope> {
    const ctx = this.ctx(conn);
    for (const workspace of await callVendor(ctx, 'list workspaces', () => this.workspaces(conn))) {
      if (!isManagedName(workspace.name)) continue;
      const keys = await this.keys(ctx, conn, workspace.id);
      yield { scopeId: workspace.id, scopeName: workspace.name, intentPrefix: parseIntentPrefix(workspace.name) ?? '', vendorKeyIds: keys.map((k) => k.id) };
    }
  }

  async readPolicy(conn: DecryptedConnection, ref: VendorKeyRef): Promise<PolicyReadback> {
    const key = (await this.keys(this.ctx(conn), conn, ref.scopeId)).find((k) => k.id === ref.vendorKeyId);
    return { rateLimitRpm: key?.rpm ?? null };
  }

  private ctx(conn: DecryptedConnection): VendorCallContext {
    return callContextFor(this.runtime, this.vendor, conn, describeAcmeFailure);
  }

  private async workspaces(conn: DecryptedConnection): Promise<AcmeWorkspace[]> {
    return (await this.http<{ data: AcmeWorkspace[] }>(conn, 'GET', '/v1/workspaces')).data;
  }

  private keys(ctx: VendorCallContext, conn: DecryptedConnection, workspaceId: string): Promise<AcmeKey[]> {
    return callVendor(ctx, 'list keys', async () => (await this.http<{ data: AcmeKey[] }>(conn, 'GET', `/v1/workspaces/${workspaceId}/keys`)).data);
  }

  private async http<T>(conn: DecryptedConnection, method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${conn.adminCredential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.runtime.requestTimeoutMs),
      });
    } catch (error: unknown) {
      throw new AcmeHttpError(undefined, undefined, error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    if (!response.ok) throw new AcmeHttpError(response.status, response.headers, text || response.statusText);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
