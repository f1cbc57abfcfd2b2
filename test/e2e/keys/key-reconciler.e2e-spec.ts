import { randomUUID } from 'node:crypto';
import { recordSecret } from '@keygate/testing';
import { completionStatus, createDeveloper, getKey, journalHead, openaiAdmin, provisionKey, startKeyStack, type KeyStack } from './support/key-stack';

jest.setTimeout(120_000);

async function projectByName(s: KeyStack, name: string): Promise<{ id: string; status: string } | undefined> {
  for await (const p of openaiAdmin(s).projects.list({ limit: 100, include_archived: true })) if (p.name === name) return { id: p.id, status: p.status ?? '' };
  return undefined;
}

async function auditActions(s: KeyStack, targetId: string): Promise<string[]> {
  const rows = await s.t.dataSource.query<Array<{ action: string }>>(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY seq`, [targetId]);
  return rows.map((r) => r.action);
}

describe('the reconciler', () => {
  let s: KeyStack;

  beforeAll(async () => {
    s = await startKeyStack();
  });
  afterAll(() => s.close());
  afterEach(() => s.sim.control.clearFaults());

  it('removes a managed vendor project with a live key that no row owns, audited as key.orphan_removed', async () => {
    const admin = openaiAdmin(s);
    const name = 'kg-platform-ghost-0rphan12';
    const project = await admin.projects.create({ name });
    const account = await admin.projects.serviceAccounts.create(project.id, { name });
    expect(account.api_key?.value).toBeTruthy();
    recordSecret(account.api_key?.value ?? 'missing-secret');
    await s.runJobs();
    expect((await projectByName(s, name))?.status).toBe('archived');
    expect(await auditActions(s, project.id)).toEqual(['key.orphan_removed']);
  });

  it('leaves projects without the KeyGate prefix alone', async () => {
    const project = await openaiAdmin(s).projects.create({ name: 'team-hand-made' });
    await s.runJobs();
    expect((await projectByName(s, 'team-hand-made'))?.status).toBe('active');
    expect(await auditActions(s, project.id)).toEqual([]);
  });

  it('cleans a stale pending intent by its intent id and marks the key failed', async () => {
    const developerId = await createDeveloper(s);
    const intentId = randomUUID();
    const keyId = `key_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    await s.t.dataSource.query(
      `INSERT INTO issued_keys (id, organization_id, developer_id, connection_id, vendor, state, intent_id, budget_limit_usd, rate_limit_rpm, expires_at)
       VALUES ($1, $2, $3, $4, 'openai', 'pending', $5, 50, 60, now() + interval '90 days')`,
      [keyId, s.org.id, developerId, s.connectionId, intentId],
    );
    // What a crashed provision leaves: a project and a keyed service account named after the intent.
    const name = `kg-platform-crashed-${intentId.replace(/-/g, '').slice(0, 8)}`;
    const admin = openaiAdmin(s);
    const project = await admin.projects.create({ name });
    await admin.projects.serviceAccounts.create(project.id, { name });
    await s.runJobs();
    expect((await getKey(s, keyId)).status).toBe('pending'); // younger than RECONCILE_PENDING_AFTER_SECONDS: maybe still in flight
    expect((await projectByName(s, name))?.status).toBe('active');
    await s.t.dataSource.query(`UPDATE issued_keys SET updated_at = now() - interval '1 hour' WHERE id = $1`, [keyId]);
    await s.runJobs();
    expect((await getKey(s, keyId)).status).toBe('failed');
    expect((await projectByName(s, name))?.status).toBe('archived');
    expect(await auditActions(s, keyId)).toEqual(['key.provision.abandoned']);
  });

  it('compensates when the vendor created the key but the answer was lost: 503, nothing left, key failed', async () => {
    const developerId = await createDeveloper(s);
    await s.sim.control.addFault({ vendor: 'openai', method: 'POST', path: '/api_keys$', times: 0, action: { type: 'drop_after' } });
    const since = await journalHead(s);
    const res = await provisionKey(s, { developer_id: developerId }, { expectServerError: true });
    expect(res.status).toBe(503);
    const made = (await s.sim.control.journal({ vendor: 'openai', since })).filter((e) => e.outcome === 'dropped_after');
    expect(made.length).toBeGreaterThan(0);
    const rows = await s.t.dataSource.query<Array<{ id: string; state: string; scope_name: string }>>(`SELECT id, state, scope_name FROM issued_keys WHERE developer_id = $1`, [developerId]);
    expect(rows.map((r) => r.state)).toEqual(['failed']);
    const project = await projectByName(s, rows[0]?.scope_name ?? '');
    expect(project?.status).toBe('archived');
    expect(await auditActions(s, rows[0]?.id ?? '')).toEqual(['key.provision.requested', 'key.provision.failed']);
  });

  it('does not take a key of one connection for an orphan of another connection to the same vendor organization', async () => {
    await s.t.http.post('/api/v1/vendors/connections', { vendor: 'openai', label: 'same-org-again', admin_api_key: s.sim.credentials.openaiAdminKey }, { token: s.token });
    const developerId = await createDeveloper(s);
    const key = await provisionKey(s, { developer_id: developerId });
    await s.runJobs();
    expect((await getKey(s, key.body.key_id)).status).toBe('active');
    expect(await completionStatus(s, key.body.api_key ?? '')).toBe(200);
    expect((await projectByName(s, key.body.project_name ?? ''))?.status).toBe('active');
  });

  it('reads back the vendor-side policy and shows drift on the key', async () => {
    const developerId = await createDeveloper(s);
    const key = await provisionKey(s, { developer_id: developerId, rate_limit_rpm: 60, models_allowed: ['gpt-4o-mini'] });
    await s.runJobs();
    expect((await getKey(s, key.body.key_id)).drift).toBe(false);
    const admin = openaiAdmin(s);
    const project = await projectByName(s, key.body.project_name ?? '');
    for await (const limit of admin.projects.rateLimits.listRateLimits(project?.id ?? '')) {
      if (limit.model === 'gpt-4o-mini') await admin.projects.rateLimits.updateRateLimit(limit.id, { project_id: project?.id ?? '', max_requests_per_1_minute: 999 });
    }
    await s.runJobs();
    const view = await getKey(s, key.body.key_id);
    expect(view.drift).toBe(true);
    expect(view.drift_details).toEqual({ rate_limit_rpm: { expected: 60, actual: 999 } });
    expect(await auditActions(s, key.body.key_id)).toContain('key.drift_detected');
  });
});
