import { randomBytes } from 'node:crypto';
import { intentPrefix, type ManagedScope } from '@keygate/provisioners';
import {
  connectionBodies,
  MATRIX_VENDORS,
  recordAnswerSecret,
  recordSimSecrets,
  simulatorEnv,
  type IssuedKeyAnswer,
  type MatrixVendor,
  type HttpClient,
} from '@keygate/testing';
import { JobsService } from '@api/modules/jobs/jobs.service';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import { startChaosStack, type ChaosStack } from '../support/chaos-stack';

jest.setTimeout(30 * 60_000);

type Operation = 'provision' | 'rotate' | 'revoke' | 'offboard';

const SIM_VENDOR: Record<MatrixVendor, 'anthropic' | 'azure' | 'google'> = { anthropic: 'anthropic', azure_openai: 'azure', google_vertex: 'google' };
const EXTRA_BODY: Record<MatrixVendor, Record<string, unknown>> = { anthropic: {}, azure_openai: { models_allowed: ['gpt-4o-mini'] }, google_vertex: {} };
/** Anthropic rotation makes no vendor call (the developer creates the new key in the Console): nothing to crash. */
const OPERATIONS: Record<MatrixVendor, readonly Operation[]> = {
  anthropic: ['provision', 'revoke', 'offboard'],
  azure_openai: ['provision', 'rotate', 'revoke', 'offboard'],
  google_vertex: ['provision', 'rotate', 'revoke', 'offboard'],
};

/**
 * The OpenAI crash-safety run for Anthropic, Azure OpenAI and Google Vertex AI: the simulator holds vendor
 * call N, the API process is SIGKILLed, the held call then goes on. After a restart and one reconciler pass
 * no row is left unfinished, every managed vendor scope belongs to a row, no scope without a live row still
 * holds a key, and every live row's scope (and key) exists at the vendor.
 */
describe('crash safety per vendor: SIGKILL at every vendor-call boundary, restart, one reconciler pass', () => {
  let stack: ChaosStack;
  let sim: ChaosStack['sim'];
  let t: ChaosStack['t'];
  let org: ChaosStack['org'];
  const connections = {} as Record<MatrixVendor, string>;
  const runs: Array<{ vendor: MatrixVendor; operation: Operation; call: number }> = [];

  const http = (): HttpClient => stack.http();
  const token = () => stack.token();

  beforeAll(async () => {
    stack = await startChaosStack({ buildDir: '.keygate-vendor-chaos/dist', name: 'vendor-chaos', vendorEnv: simulatorEnv });
    ({ sim, t, org } = stack);
    recordSimSecrets(sim);
    for (const [vendor, body] of Object.entries(connectionBodies(sim)) as Array<[MatrixVendor, Record<string, unknown>]>) {
      const res = await t.http.post<{ id: string }>('/api/v1/vendors/connections', body, { token: token() });
      expect(res.status).toBe(201);
      connections[vendor] = res.body.id;
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function newDeveloper(): Promise<string> {
    const tag = randomBytes(3).toString('hex');
    const dev = await t.http.post<{ id: string }>('/api/v1/developers', { name: `Crash ${tag}`, email: `crash.${tag}@example.com`, team: 'chaos' }, { token: token() });
    return dev.body.id;
  }

  function provisionBody(vendor: MatrixVendor, developerId: string): Record<string, unknown> {
    return { developer_id: developerId, vendor, connection_id: connections[vendor], ...EXTRA_BODY[vendor] };
  }

  async function liveKey(vendor: MatrixVendor, developerId: string): Promise<string> {
    const res = await http().post<IssuedKeyAnswer>('/api/v1/keys/provision', provisionBody(vendor, developerId), { token: token() });
    recordAnswerSecret(res);
    expect(res.status).toBe(201);
    return res.body.key_id;
  }

  function send(vendor: MatrixVendor, operation: Operation, developerId: string, target: string | null) {
    switch (operation) {
      case 'provision':
        return http().post<IssuedKeyAnswer>('/api/v1/keys/provision', provisionBody(vendor, developerId), { token: token() });
      case 'rotate':
      case 'revoke':
        return http().post<IssuedKeyAnswer>(`/api/v1/keys/${target}/${operation}`, undefined, { token: token() });
      case 'offboard':
        return http().delete<IssuedKeyAnswer>(`/api/v1/developers/${developerId}`, { token: token() });
    }
  }

  /** Returns false when the operation finished before reaching vendor call `killAtCall`. */
  async function crashAt(vendor: MatrixVendor, operation: Operation, killAtCall: number): Promise<boolean> {
    const developerId = await newDeveloper();
    const target = operation === 'provision' ? null : await liveKey(vendor, developerId);
    await sim.control.addFault({ vendor: SIM_VENDOR[vendor], skip: killAtCall, times: 1, action: { type: 'pause' } });
    const request = send(vendor, operation, developerId, target)
      .then((res) => recordAnswerSecret(res))
      .catch((error: unknown) => error);
    const reached = await Promise.race([sim.control.waitForPaused(1, 20_000).then(() => true), request.then(() => false)]);
    if (reached) {
      await stack.api().kill();
      await sim.control.releaseAll();
    }
    await request;
    await sim.control.clearFaults();
    if (reached) await stack.restart();
    return reached;
  }

  async function managedScopes(vendor: MatrixVendor): Promise<ManagedScope[]> {
    const conn = await t.app.get(VendorConnectionOpener).open(org.id, connections[vendor]);
    const scopes: ManagedScope[] = [];
    for await (const scope of t.app.get(Provisioners).get(vendor).listManaged(conn)) scopes.push(scope);
    return scopes;
  }

  async function reconcileAndCheck(vendor: MatrixVendor, label: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the killed process's lease (1 s) runs out
    await t.app.get(JobsService).runPass();
    const rows = await t.dataSource.query<Array<{ state: string; scope_id: string | null; intent_id: string; vendor_key_id: string | null }>>(
      `SELECT state, scope_id, intent_id, vendor_key_id FROM issued_keys WHERE connection_id = $1`,
      [connections[vendor]],
    );
    const scopes = await managedScopes(vendor);
    const owners = (scope: ManagedScope) => rows.filter((r) => r.scope_id === scope.scopeId || intentPrefix(r.intent_id) === scope.intentPrefix);
    const live = (state: string) => ['active', 'awaiting_key'].includes(state);
    const unfinished = rows.filter((r) => ['pending', 'revoking', 'revoke_failed'].includes(r.state)).map((r) => r.state);
    const unowned = scopes.filter((scope) => owners(scope).length === 0).map((scope) => scope.scopeName);
    const keysWithoutLiveRow = scopes.filter((scope) => scope.vendorKeyIds.length > 0 && !owners(scope).some((r) => live(r.state))).map((scope) => scope.scopeName);
    const missing = rows
      .filter((r) => live(r.state))
      .filter((r) => {
        const scope = scopes.find((sc) => sc.scopeId === r.scope_id);
        if (!scope) return true;
        return vendor === 'google_vertex' && !scope.vendorKeyIds.includes(r.vendor_key_id ?? '');
      })
      .map((r) => r.scope_id);
    expect({ label, unfinished, unowned, keysWithoutLiveRow, missing }).toEqual({ label, unfinished: [], unowned: [], keysWithoutLiveRow: [], missing: [] });
  }

  for (const vendor of MATRIX_VENDORS) {
    for (const operation of OPERATIONS[vendor]) {
      it(`${vendor} ${operation}: recovers from a kill at every vendor call`, async () => {
        for (let call = 0; call < 40; call += 1) {
          if (!(await crashAt(vendor, operation, call))) break;
          runs.push({ vendor, operation, call });
          await reconcileAndCheck(vendor, `${vendor} ${operation} killed at vendor call ${call}`);
        }
        expect(runs.filter((r) => r.vendor === vendor && r.operation === operation).length).toBeGreaterThan(0);
      });
    }
  }

  it('the restarted API still provisions and revokes for every vendor, and nothing is left behind', async () => {
    for (const vendor of MATRIX_VENDORS) expect({ vendor, crashRuns: runs.filter((r) => r.vendor === vendor).length >= 10 }).toEqual({ vendor, crashRuns: true });
    for (const vendor of MATRIX_VENDORS) {
      const keyId = await liveKey(vendor, await newDeveloper());
      const revoked = await http().post<{ status: string }>(`/api/v1/keys/${keyId}/revoke`, undefined, { token: token() });
      expect(revoked.body.status).toBe('revoked');
      await reconcileAndCheck(vendor, `${vendor} after all runs`);
    }
  });
});
