import { generateKeyPairSync } from 'node:crypto';
import type { cloudresourcemanager_v1 } from '@googleapis/cloudresourcemanager';
import type { iam_v1 } from '@googleapis/iam';
import { JWT } from 'google-auth-library';
import { createSimContext, type SimContext } from '@sim/common/sim-context';
import { startGoogleSim, type RunningGoogleSim } from '@sim/google/start-google-sim';
import type { DecryptedConnection, VendorEndpoints } from '../contract';
import { runtimeFrom } from '../common/provisioner-runtime';
import { collect, FAST_RETRY, intentFor, recordSteps, vendorErrorOf } from '../test-support/provisioner-fixtures.test';
import { googleAdminClients } from './google-admin-clients';
import { GoogleVertexProvisioner } from './google-vertex-provisioner';

const PROJECT_ID = 'keygate-sim-project';
const VERTEX_USER = 'roles/aiplatform.user';

interface GoogleWorld {
  ctx: SimContext;
  sim: RunningGoogleSim;
  provisioner: GoogleVertexProvisioner;
  conn: DecryptedConnection;
  iam: iam_v1.Iam;
  crm: cloudresourcemanager_v1.Cloudresourcemanager;
}

function jwtFor(credentialJson: string, tokenUrl: string): JWT {
  const credential = JSON.parse(credentialJson) as { client_email: string; private_key: string; private_key_id: string };
  const client = new JWT({
    email: credential.client_email,
    key: credential.private_key,
    keyId: credential.private_key_id,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
  });
  client.transporter.interceptors.request.add({
    resolved: (options) => {
      if (options.url.href === 'https://oauth2.googleapis.com/token') options.url = new URL(tokenUrl);
      options.fetchImplementation = fetch;
      return Promise.resolve(options);
    },
  });
  return client;
}

async function startWorld(orgPolicyForbidsKeys = false): Promise<GoogleWorld> {
  const ctx = createSimContext();
  const sim = await startGoogleSim(ctx, { projectId: PROJECT_ID, orgPolicyForbidsKeys });
  const endpoints: VendorEndpoints = {
    google_vertex: { iamUrl: sim.iamUrl, crmUrl: sim.crmUrl, tokenUrl: sim.tokenUrl, vertexUrl: sim.vertexUrl },
    retry: FAST_RETRY,
  };
  const conn = { id: 'conn_gcp', vendor: 'google_vertex', label: 'Sandbox GCP', adminCredential: sim.adminCredentialJson, settings: { project_id: PROJECT_ID } };
  // The assertions read the vendor's state as the same admin identity, through the same client setup.
  const admin = googleAdminClients(endpoints, runtimeFrom(endpoints), conn);
  return { ctx, sim, provisioner: new GoogleVertexProvisioner(endpoints), conn, iam: admin.iam, crm: admin.crm };
}

async function accessToken(world: GoogleWorld, credentialJson: string): Promise<string> {
  const token = await jwtFor(credentialJson, world.sim.tokenUrl).getAccessToken();
  return token.token ?? '';
}

async function generateContent(world: GoogleWorld, token: string): Promise<number> {
  const url = `${world.sim.vertexUrl}/v1/projects/${PROJECT_ID}/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }),
  });
  return response.status;
}

async function policyOf(world: GoogleWorld): Promise<cloudresourcemanager_v1.Schema$Policy> {
  return (await world.crm.projects.getIamPolicy({ resource: PROJECT_ID, requestBody: { options: { requestedPolicyVersion: 3 } } })).data;
}

function membersOf(policy: cloudresourcemanager_v1.Schema$Policy, role: string): string[] {
  return (policy.bindings ?? []).filter((binding) => binding.role === role).flatMap((binding) => binding.members ?? []);
}

describe('GoogleVertexProvisioner against the vendor simulator', () => {
  let world: GoogleWorld;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterEach(() => world.ctx.faults.clear());
  afterAll(() => world.sim.stop());

  it('issues a service-account key that reaches Vertex AI, and nothing works after revoke', async () => {
    const { provisioner, conn } = world;
    const { record, steps } = recordSteps();
    const result = await provisioner.provision(conn, intentFor(), record);

    const credential = JSON.parse(result.secret ?? '{}') as { client_email?: string; private_key_id?: string };
    expect(credential.client_email).toBe(result.scopeId);
    expect(credential.private_key_id).toBe(result.vendorKeyId);
    expect(steps.map((s) => s.step)).toEqual(['service_account_created', 'key_created', 'role_granted']);
    expect(result.hint).not.toContain('PRIVATE');
    const token = await accessToken(world, result.secret ?? '');
    expect(await generateContent(world, token)).toBe(200);
    const exampleUrl = String(result.instructions['example_url']).replace('<model>', 'gemini-2.5-flash');
    const viaInstructions = await fetch(exampleUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }),
    });
    expect(viaInstructions.status).toBe(200);

    await provisioner.revoke(conn, result, { offboard: false });
    expect(await generateContent(world, token)).not.toBe(200);
    await expect(accessToken(world, result.secret ?? '')).rejects.toThrow();
    expect(membersOf(await policyOf(world), VERTEX_USER)).not.toContain(`serviceAccount:${result.scopeId}`);
    const account = await world.iam.projects.serviceAccounts.get({ name: `projects/${PROJECT_ID}/serviceAccounts/${result.scopeId}` });
    expect(account.data.disabled).toBe(true);
  });

  it('keeps every other binding and condition of the project policy', async () => {
    const before = await policyOf(world);
    const result = await world.provisioner.provision(world.conn, intentFor(), recordSteps().record);
    const after = await policyOf(world);
    const withoutOurs = (policy: cloudresourcemanager_v1.Schema$Policy) =>
      (policy.bindings ?? [])
        .map((binding) => ({ ...binding, members: (binding.members ?? []).filter((m) => m !== `serviceAccount:${result.scopeId}`) }))
        .filter((binding) => binding.members.length > 0);
    expect(withoutOurs(after)).toEqual(withoutOurs(before));
    expect((before.bindings ?? []).some((binding) => binding.condition)).toBe(true);
    expect(after.version).toBe(3);
  });

  it('re-applies the grant when another writer changed the policy in between (stale etag)', async () => {
    const since = world.ctx.journal.lastSeq();
    world.ctx.faults.add({ vendor: 'google', method: 'POST', path: ':setIamPolicy$', action: { type: 'pause' } });
    const provisioning = world.provisioner.provision(world.conn, intentFor(), recordSteps().record);
    const paused = await waitForPaused(world);
    const current = await policyOf(world);
    await world.crm.projects.setIamPolicy({
      resource: PROJECT_ID,
      requestBody: { policy: { ...current, bindings: [...(current.bindings ?? []), { role: 'roles/viewer', members: ['user:concurrent@example.com'] }] } },
    });
    world.ctx.faults.release(paused);
    const result = await provisioning;

    const after = await policyOf(world);
    expect(membersOf(after, VERTEX_USER)).toContain(`serviceAccount:${result.scopeId}`);
    expect(membersOf(after, 'roles/viewer')).toContain('user:concurrent@example.com');
    const writes = world.ctx.journal.list({ sinceSeq: since }).filter((entry) => entry.path.endsWith(':setIamPolicy'));
    expect(writes.map((entry) => entry.status)).toEqual([200, 409, 200]);
  });

  it('uses the service account an earlier attempt created (409 ALREADY_EXISTS)', async () => {
    const intent = intentFor();
    world.ctx.faults.add({ vendor: 'google', method: 'POST', path: '/serviceAccounts$', action: { type: 'drop_after' } });
    const result = await world.provisioner.provision(world.conn, intent, recordSteps().record);
    expect(await generateContent(world, await accessToken(world, result.secret ?? ''))).toBe(200);
    await expect(world.provisioner.findByIntent(world.conn, intent.intentId)).resolves.toHaveLength(1);
  });

  it('leaves exactly one key when the answer to key creation was lost', async () => {
    world.ctx.faults.add({ vendor: 'google', method: 'POST', path: '/keys$', action: { type: 'drop_after' } });
    const result = await world.provisioner.provision(world.conn, intentFor(), recordSteps().record);
    const keys = await world.iam.projects.serviceAccounts.keys.list({
      name: `projects/${PROJECT_ID}/serviceAccounts/${result.scopeId}`,
      keyTypes: ['USER_MANAGED'],
    });
    expect((keys.data.keys ?? []).map((key) => key.name)).toEqual([result.refs['key_name']]);
  });

  it('finds what an interrupted provision left behind, and revoke with offboarding deletes it', async () => {
    const intent = intentFor();
    world.ctx.faults.add({ vendor: 'google', method: 'POST', path: '/keys$', times: 0, action: { type: 'drop_after' } });
    expect((await vendorErrorOf(world.provisioner.provision(world.conn, intent, recordSteps().record))).kind).toBe('vendor_unavailable');
    world.ctx.faults.clear();

    const found = await world.provisioner.findByIntent(world.conn, intent.intentId);
    expect(found).toHaveLength(1);
    for (const ref of found) {
      await world.provisioner.revoke(world.conn, ref, { offboard: true });
      await world.provisioner.revoke(world.conn, ref, { offboard: true });
    }
    await expect(world.provisioner.findByIntent(world.conn, intent.intentId)).resolves.toEqual([]);
  });

  it('rotates to a new key on the same account; the old key dies at revokeSuperseded', async () => {
    const intent = intentFor();
    const first = await world.provisioner.provision(world.conn, intent, recordSteps().record);
    const second = await world.provisioner.rotate(world.conn, first, intentFor(), recordSteps().record);
    expect(second.scopeId).toBe(first.scopeId);
    expect(second.vendorKeyId).not.toBe(first.vendorKeyId);
    await accessToken(world, first.secret ?? '');
    await world.provisioner.revokeSuperseded(world.conn, first);
    await expect(accessToken(world, first.secret ?? '')).rejects.toThrow();
    expect(await generateContent(world, await accessToken(world, second.secret ?? ''))).toBe(200);
  });

  it('lists managed service accounts with their keys', async () => {
    const result = await world.provisioner.provision(world.conn, intentFor(), recordSteps().record);
    const managed = await collect(world.provisioner.listManaged(world.conn));
    expect(managed.find((scope) => scope.scopeId === result.scopeId)).toMatchObject({ vendorKeyIds: [result.vendorKeyId] });
    expect(managed.every((scope) => scope.scopeName.startsWith('kg-'))).toBe(true);
  });

  it('retries 5xx a bounded number of times, then reports the vendor unavailable', async () => {
    const rule = world.ctx.faults.add({ vendor: 'google', method: 'GET', path: '/serviceAccounts$', times: 0, action: { type: 'status', status: 503 } });
    expect((await vendorErrorOf(world.provisioner.checkConnection(world.conn))).kind).toBe('vendor_unavailable');
    expect(world.ctx.faults.list().find((r) => r.id === rule.id)?.fired).toBe(FAST_RETRY.maxAttempts);
  });

  it('waits for Retry-After on 429', async () => {
    world.ctx.faults.add({ vendor: 'google', method: 'GET', path: '/serviceAccounts$', action: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    const started = Date.now();
    await expect(world.provisioner.checkConnection(world.conn)).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('fails the connection check for a credential that is not a service-account key or a missing project', async () => {
    const broken = { ...world.conn, adminCredential: JSON.stringify({ client_email: 'a@b.iam.gserviceaccount.com', private_key: 'not a key' }) };
    await expect(world.provisioner.checkConnection(broken)).resolves.toMatchObject({ ok: false });
    expect((await vendorErrorOf(world.provisioner.provision(broken, intentFor(), recordSteps().record))).kind).toBe('connection_rejected');
    const credential = JSON.parse(world.sim.adminCredentialJson) as Record<string, unknown>;
    const noProject = { ...world.conn, settings: {}, adminCredential: JSON.stringify({ ...credential, project_id: undefined }) };
    await expect(world.provisioner.checkConnection(noProject)).resolves.toMatchObject({ ok: false, detail: expect.stringMatching(/project_id/) as unknown });
  });

  it('reports a credential the token endpoint refuses as a rejected connection without echoing it', async () => {
    const admin = JSON.parse(world.sim.adminCredentialJson) as Record<string, string>;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = JSON.stringify({ ...admin, private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    const error = await vendorErrorOf(world.provisioner.provision({ ...world.conn, adminCredential: forged }, intentFor(), recordSteps().record));
    expect(error.kind).toBe('connection_rejected');
    expect(error.message).toContain('"Sandbox GCP" (conn_gcp)');
    expect(`${error.message}${JSON.stringify(error.details)}`).not.toMatch(/PRIVATE KEY|MII/);
  });
});

describe('GoogleVertexProvisioner when an organization policy forbids service-account keys', () => {
  let world: GoogleWorld;

  beforeAll(async () => {
    world = await startWorld(true);
  });
  afterAll(() => world.sim.stop());

  it('fails with precondition_failed naming the constraint, and leaves no account or binding behind', async () => {
    const intent = intentFor();
    const before = await policyOf(world);
    const error = await vendorErrorOf(world.provisioner.provision(world.conn, intent, recordSteps().record));
    expect(error.kind).toBe('precondition_failed');
    expect(error.message).toContain('constraints/iam.disableServiceAccountKeyCreation');
    expect(error.message).toMatch(/exempt/);
    await expect(world.provisioner.findByIntent(world.conn, intent.intentId)).resolves.toEqual([]);
    expect((await policyOf(world)).bindings).toEqual(before.bindings);
  });
});

async function waitForPaused(world: GoogleWorld): Promise<string> {
  for (let i = 0; i < 250; i += 1) {
    const paused = world.ctx.faults.listPaused()[0];
    if (paused) return paused.id;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no call was paused');
}
