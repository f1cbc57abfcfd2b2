import { randomBytes } from 'node:crypto';
import OpenAI from 'openai';
import { HttpClient, recordSecret } from '@keygate/testing';
import { JobsService } from '@api/modules/jobs/jobs.service';
import { startChaosStack, type ChaosStack } from './support/chaos-stack';

jest.setTimeout(15 * 60_000);

type Operation = 'provision' | 'rotate' | 'rotate_with_grace' | 'revoke' | 'offboard';

/** What becomes of the vendor call held when the process dies. */
type HeldCall = 'acted' | 'never_arrives';
const HELD_CALL_FATES: HeldCall[] = ['acted', 'never_arrives'];

interface Run {
  operation: Operation;
  killAtCall: number;
  heldCall: HeldCall;
}

/**
 * Kills the API process (SIGKILL) at every vendor-call boundary of provision, rotate, revoke and offboarding, twice:
 * the simulator holds call N (pause), the process dies, then the held call either goes on, so the vendor acts for a
 * client that is gone (the answer is lost), or vanishes, as if the process died just before sending it. After a
 * restart and one reconciler pass, every live vendor key must have an active row and every active row its live
 * vendor key.
 */
describe('crash safety: SIGKILL at every step boundary, restart, one reconciler pass', () => {
  let stack: ChaosStack;
  let sim: ChaosStack['sim'];
  let t: ChaosStack['t'];
  let developerId: string;
  const runs: Run[] = [];

  const http = (): HttpClient => stack.http();
  const token = () => stack.token();

  beforeAll(async () => {
    stack = await startChaosStack({
      buildDir: '.keygate-chaos/dist',
      name: 'chaos',
      vendorEnv: (s) => ({ OPENAI_BASE_URL: s.urls.openai, ANTHROPIC_BASE_URL: s.urls.anthropic }),
    });
    ({ sim, t } = stack);
    recordSecret(sim.credentials.openaiAdminKey);
    const conn = await t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'sim', admin_api_key: sim.credentials.openaiAdminKey }, { token: token() });
    expect(conn.status).toBe(201);
    const dev = await t.http.post<{ id: string }>('/api/v1/developers', { name: 'Crash Test', email: 'crash@example.com', team: 'chaos' }, { token: token() });
    developerId = dev.body.id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function newDeveloper(): Promise<string> {
    const tag = randomBytes(3).toString('hex');
    const dev = await t.http.post<{ id: string }>('/api/v1/developers', { name: `Leaver ${tag}`, email: `leaver.${tag}@example.com`, team: 'chaos' }, { token: token() });
    return dev.body.id;
  }

  async function activeKey(forDeveloper = developerId): Promise<string> {
    const res = await http().post<{ key_id: string; api_key?: string }>('/api/v1/keys/provision', { developer_id: forDeveloper, vendor: 'openai' }, { token: token() });
    expect(res.status).toBe(201);
    if (res.body.api_key) recordSecret(res.body.api_key);
    return res.body.key_id;
  }

  function send(operation: Operation, target: string | null) {
    switch (operation) {
      case 'provision':
        return http().post<{ api_key?: string }>('/api/v1/keys/provision', { developer_id: developerId, vendor: 'openai' }, { token: token() });
      case 'rotate':
      case 'revoke':
        return http().post<{ api_key?: string }>(`/api/v1/keys/${target}/${operation}`, undefined, { token: token() });
      case 'rotate_with_grace':
        return http().post<{ api_key?: string }>(`/api/v1/keys/${target}/rotate`, { grace_seconds: 3600 }, { token: token() });
      case 'offboard':
        return http().delete<{ api_key?: string }>(`/api/v1/developers/${target}`, { token: token() });
    }
  }

  function start(operation: Operation, target: string | null): Promise<unknown> {
    return send(operation, target)
      .then((res) => {
        if (res.body?.api_key) recordSecret(res.body.api_key);
        return res;
      })
      .catch((error: unknown) => error);
  }

  /** Returns false when the operation finished before reaching call `killAtCall`. */
  async function crashAt(operation: Operation, killAtCall: number, heldCall: HeldCall): Promise<boolean> {
    let target: string | null = null;
    if (operation === 'offboard') {
      target = await newDeveloper();
      await activeKey(target);
    } else if (operation !== 'provision') {
      target = await activeKey();
    }
    await sim.control.addFault({ vendor: 'openai', skip: killAtCall, times: 1, action: { type: 'pause' } });
    const request = start(operation, target);
    const reached = await Promise.race([sim.control.waitForPaused(1, 20_000).then(() => true), request.then(() => false)]);
    if (reached) {
      await stack.api().kill();
      await sim.control.releaseAll({ drop: heldCall === 'never_arrives' });
    }
    await request;
    await sim.control.clearFaults();
    if (reached) await stack.restart();
    return reached;
  }

  async function reconcileAndCheck(label: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the killed process's lease (1 s) runs out
    await t.app.get(JobsService).runPass();
    const admin = new OpenAI({ adminAPIKey: sim.credentials.openaiAdminKey, apiKey: null, baseURL: sim.urls.openai, maxRetries: 0 }).admin.organization;
    const liveAtVendor = new Set<string>();
    for await (const project of admin.projects.list({ limit: 100 })) {
      if (project.status !== 'active') continue;
      for await (const key of admin.projects.apiKeys.list(project.id, { limit: 100 })) liveAtVendor.add(key.id);
    }
    const rows = await t.dataSource.query<Array<{ state: string; vendor_key_id: string | null }>>(`SELECT state, vendor_key_id FROM issued_keys`);
    const activeRows = new Set(rows.filter((r) => r.state === 'active').map((r) => r.vendor_key_id ?? 'missing'));
    const unfinished = rows.filter((r) => ['pending', 'revoking', 'revoke_failed'].includes(r.state));
    expect({ label, orphans: [...liveAtVendor].filter((id) => !activeRows.has(id)) }).toEqual({ label, orphans: [] });
    expect({ label, missing: [...activeRows].filter((id) => !liveAtVendor.has(id)) }).toEqual({ label, missing: [] });
    expect({ label, unfinished }).toEqual({ label, unfinished: [] });
  }

  for (const operation of ['provision', 'rotate', 'rotate_with_grace', 'revoke', 'offboard'] as const) {
    it(`${operation}: recovers from a kill at every vendor call`, async () => {
      for (let call = 0; call < 40; call += 1) {
        let reached = false;
        for (const heldCall of HELD_CALL_FATES) {
          if (!(await crashAt(operation, call, heldCall))) break;
          reached = true;
          runs.push({ operation, killAtCall: call, heldCall });
          await reconcileAndCheck(`${operation} killed at vendor call ${call}, which then ${heldCall === 'acted' ? 'reached the vendor' : 'never arrived'}`);
        }
        if (!reached) break;
      }
      expect(runs.filter((r) => r.operation === operation).length).toBeGreaterThan(0);
    });
  }

  it('made at least 30 crash runs, and the restarted API still works end to end', async () => {
    expect(runs.length).toBeGreaterThanOrEqual(30);
    const keyId = await activeKey();
    const revoked = await http().post<{ status: string }>(`/api/v1/keys/${keyId}/revoke`, undefined, { token: token() });
    expect(revoked.body.status).toBe('revoked');
    await reconcileAndCheck('after all runs');
  });
});
