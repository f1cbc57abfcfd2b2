import type { FaultRule, FaultRuleInput } from '@sim/common/fault-rule';
import type { PausedCall } from '@sim/common/fault-injector';
import type { JournalEntry } from '@sim/common/journal';
import type { VendorName } from '@sim/common/vendor-name';

export interface ConsoleKeyInput {
  workspace_id: string | null;
  name: string;
  created_by_user_id?: string;
  expires_in_seconds?: number;
}

/** What the Anthropic Console shows once: the full secret, plus the key as the Admin API sees it. */
export interface ConsoleKey {
  secret: string;
  api_key: { id: string; partial_key_hint: string; status: string; workspace_id: string | null };
}

export interface SimUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

export interface OpenAiUsageInput {
  project_id: string;
  model: string;
  api_key_id?: string;
  input_tokens?: number;
  output_tokens?: number;
  requests?: number;
  /** Unix seconds; defaults to the simulated now. */
  at?: number;
}

export interface AnthropicUsageInput {
  model: string;
  api_key_id?: string;
  workspace_id?: string;
  input_tokens?: number;
  output_tokens?: number;
  at_ms?: number;
}

export interface AnthropicSimSettings {
  workspace_cap: number;
  auto_accept_invites: boolean;
}

export class VendorSimControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`vendor-sim control: ${status} ${message}`);
  }
}

/** Typed client for the simulator's control API (faults, pauses, journal, clock, vendor hooks). */
export class VendorSimControlClient {
  constructor(private readonly baseUrl: string) {}

  addFault(rule: FaultRuleInput): Promise<FaultRule> {
    return this.call('POST', '/faults', rule);
  }

  async listFaults(): Promise<FaultRule[]> {
    return (await this.call<{ data: FaultRule[] }>('GET', '/faults')).data;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  async removeFault(id: string): Promise<void> {
    await this.call('DELETE', `/faults/${encodeURIComponent(id)}`);
  }

  async listPaused(): Promise<PausedCall[]> {
    return (await this.call<{ data: PausedCall[] }>('GET', '/paused')).data;
  }

  /** Resolves once `count` calls are held by `pause` rules (polling; fails after `timeoutMs`). */
  async waitForPaused(count = 1, timeoutMs = 5000): Promise<PausedCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const paused = await this.listPaused();
      if (paused.length >= count) return paused;
      if (Date.now() > deadline) throw new Error(`expected ${count} paused call(s), saw ${paused.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** `drop`: the held call vanishes without reaching the vendor; otherwise it goes on as if never held. */
  async release(id: string, options: { drop?: boolean } = {}): Promise<void> {
    await this.call('POST', `/paused/${encodeURIComponent(id)}/release${options.drop ? '?drop=true' : ''}`);
  }

  async releaseAll(options: { drop?: boolean } = {}): Promise<number> {
    return (await this.call<{ released: number }>('POST', `/paused/release-all${options.drop ? '?drop=true' : ''}`)).released;
  }

  async journal(filter: { vendor?: VendorName; since?: number } = {}): Promise<JournalEntry[]> {
    const query = new URLSearchParams();
    if (filter.vendor !== undefined) query.set('vendor', filter.vendor);
    if (filter.since !== undefined) query.set('since', String(filter.since));
    const suffix = query.size === 0 ? '' : `?${query.toString()}`;
    return (await this.call<{ data: JournalEntry[] }>('GET', `/journal${suffix}`)).data;
  }

  async clearJournal(): Promise<void> {
    await this.call('DELETE', '/journal');
  }

  async advanceClock(ms: number): Promise<{ now: string; offset_ms: number }> {
    return this.call('POST', '/clock/advance', { ms });
  }

  async clock(): Promise<{ now: string; offset_ms: number }> {
    return this.call('GET', '/clock');
  }

  /** Clears faults, journal, clock offset and every vendor's state. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  readonly anthropic = {
    createConsoleKey: (input: ConsoleKeyInput) =>
      this.call<ConsoleKey>('POST', '/vendors/anthropic/console/api-keys', input),
    addUser: (input: { email: string; name?: string; role?: string }) =>
      this.call<SimUser>('POST', '/vendors/anthropic/users', input),
    acceptInvite: (inviteId: string) =>
      this.call<SimUser>('POST', `/vendors/anthropic/invites/${encodeURIComponent(inviteId)}/accept`),
    setWorkspaceCap: (cap: number) =>
      this.call<AnthropicSimSettings>('PUT', '/vendors/anthropic/settings', { workspace_cap: cap }),
    /** Sandbox convenience: invites are accepted as soon as they are created. */
    setAutoAcceptInvites: (enabled: boolean) =>
      this.call<AnthropicSimSettings>('PUT', '/vendors/anthropic/settings', { auto_accept_invites: enabled }),
    recordUsage: (input: AnthropicUsageInput) =>
      this.call<{ recorded: true }>('POST', '/vendors/anthropic/usage', input),
  };

  readonly openai = {
    /** `rejected` = spec Aug 2026 / SDK 6.49 behaviour; `allowed` = SDK 7.57 (the default). */
    setServiceAccountKeyDeletion: (mode: 'allowed' | 'rejected') =>
      this.call('PUT', '/vendors/openai/settings', { service_account_key_deletion: mode }),
    recordUsage: (input: OpenAiUsageInput) =>
      this.call<{ cost_cents: number; month_spend_cents: number }>('POST', '/vendors/openai/usage', input),
    monthSpend: (projectId: string) =>
      this.call<{ month_spend_cents: number }>(
        'GET',
        `/vendors/openai/projects/${encodeURIComponent(projectId)}/spend`,
      ),
  };

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) {
      const message = (parsed as { error?: { message?: string } } | undefined)?.error?.message ?? text;
      throw new VendorSimControlError(response.status, message);
    }
    return parsed as T;
  }
}
