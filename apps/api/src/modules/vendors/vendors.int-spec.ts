import { randomBytes } from 'node:crypto';
import { createTestOrganization, recordSecret, startTestApp, TestApp, TestOrganization } from '@keygate/testing';
import { Keyring } from '@keygate/crypto';
import { RuntimeSecrets } from '@api/bootstrap/runtime-secrets';
import { DomainError } from '@api/common/errors/domain-error';
import { VendorCredentials } from './vendor-credentials';
import { VendorConnectionsRepository } from './vendor-connections.repository';

interface Connection {
  id: string;
  vendor: string;
  label: string;
  credential_hint: string;
  settings: Record<string, string>;
}

describe('vendor connections', () => {
  let t: TestApp;
  let org: TestOrganization;
  const credential = `sk-admin-${randomBytes(24).toString('base64url')}`;
  let connection: Connection;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrganization(t);
    recordSecret(credential);
    connection = (await t.http.post<Connection>('/api/v1/vendors/connections', { vendor: 'openai', label: 'production', admin_api_key: credential, settings: { org_id: 'org-123' } }, { token: org.users.owner.token })).body;
  });
  afterAll(() => t.close());

  const errorOf = (fn: () => unknown): DomainError => {
    try {
      fn();
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('expected an error');
  };

  it('shows only a masked hint of the admin credential, never the credential', async () => {
    expect(connection.credential_hint).toMatch(/^sk-admin-.*[A-Za-z0-9_-]{4}$/);
    expect(connection.credential_hint).toContain(credential.slice(-4));
    expect(connection.credential_hint.length).toBeLessThan(credential.length);
    const listing = await t.http.get('/api/v1/vendors', { token: org.users.viewer.token });
    expect(listing.text).not.toContain(credential);
    expect(listing.body).toEqual(expect.arrayContaining([expect.objectContaining({ vendor: 'openai', configured: true }), expect.objectContaining({ vendor: 'google_vertex', configured: false })]));
  });

  it('stores the credential envelope-encrypted: the row holds no plaintext and decrypts only for its own row', async () => {
    const [row] = await t.dataSource.query<Array<{ sealed: string }>>(`SELECT credential_sealed::text AS sealed FROM vendor_connections WHERE id = $1`, [connection.id]);
    expect(row.sealed).not.toContain(credential);
    expect(JSON.parse(row.sealed)).toMatchObject({ version: 1, keyId: expect.any(String), wrappedKey: expect.any(String), ciphertext: expect.any(String) });
    const entity = await t.app.get(VendorConnectionsRepository, { strict: false }).findById(org.id, connection.id);
    expect(t.app.get(VendorCredentials, { strict: false }).open(connection.id, entity!.credentialSealed)).toBe(credential);
  });

  it('rejects a tampered ciphertext and one copied onto another row with a clear error, never garbage', async () => {
    const other = (await t.http.post<Connection>('/api/v1/vendors/connections', { vendor: 'openai', label: 'other', admin_api_key: 'sk-admin-other-credential-1' }, { token: org.users.owner.token })).body;
    const repo = t.app.get(VendorConnectionsRepository, { strict: false });
    const credentials = t.app.get(VendorCredentials, { strict: false });
    const sealed = (await repo.findById(org.id, connection.id))!.credentialSealed;
    expect(errorOf(() => credentials.open(other.id, sealed)).code).toBe('credential_unreadable');
    const flipped = { ...sealed, ciphertext: sealed.ciphertext.slice(0, -2) + (sealed.ciphertext.endsWith('A') ? 'BA' : 'AA') };
    expect(errorOf(() => credentials.open(connection.id, flipped)).code).toBe('credential_unreadable');
  });

  it('refuses to use credentials under a different master key and says which key they need', async () => {
    const otherKeyring = Keyring.fromBase64(randomBytes(32).toString('base64'));
    const underOtherKey = new VendorCredentials(new RuntimeSecrets(otherKeyring, 'x'.repeat(32)));
    const sealed = (await t.app.get(VendorConnectionsRepository, { strict: false }).findById(org.id, connection.id))!.credentialSealed;
    const error = errorOf(() => underOtherKey.open(connection.id, sealed));
    expect(error.code).toBe('master_key_mismatch');
    expect(error.message).toContain(sealed.keyId);
    expect(error.message).not.toContain(credential);
  });

  it('keeps several labelled connections per vendor, and /vendors/configure manages the "default" one', async () => {
    const token = org.users.owner.token;
    const first = await t.http.post<Connection>('/api/v1/vendors/configure', { vendor: 'anthropic', admin_api_key: 'sk-ant-admin01-first-credential', org_id: 'org-a' }, { token });
    expect(first.status).toBe(200);
    const second = await t.http.post<Connection>('/api/v1/vendors/configure', { vendor: 'anthropic', admin_api_key: 'sk-ant-admin01-second-credential', extra_config: { workspace_scope: 'team' } }, { token });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.settings).toEqual({ workspace_scope: 'team' });
    expect(first.body.settings).toEqual({ org_id: 'org-a', workspace_scope: 'developer' });
    expect(second.body.credential_hint).toMatch(/^sk-ant-admin01-.*ial$/);
    const dup = await t.http.post('/api/v1/vendors/connections', { vendor: 'openai', label: 'PRODUCTION', admin_api_key: 'sk-admin-dup-0000001' }, { token });
    expect(dup.body).toMatchObject({ code: 'connection_label_taken' });
  });

  it('accepts an Anthropic workspace_scope of developer or team only, naming the field otherwise', async () => {
    const token = org.users.owner.token;
    const created = await t.http.post<Connection>('/api/v1/vendors/connections', { vendor: 'anthropic', label: 'teams', admin_api_key: 'sk-ant-admin01-team-credential', settings: { workspace_scope: 'team' } }, { token });
    expect(created.body.settings).toEqual({ workspace_scope: 'team' });
    const badCreate = await t.http.post('/api/v1/vendors/connections', { vendor: 'anthropic', label: 'bad', admin_api_key: 'sk-ant-admin01-bad-credential', settings: { workspace_scope: 'org' } }, { token });
    expect(badCreate.status).toBe(400);
    expect(badCreate.body).toMatchObject({ code: 'validation_failed', message: 'Invalid request: settings.workspace_scope' });
    const badUpdate = await t.http.patch(`/api/v1/vendors/connections/${created.body.id}`, { settings: { workspace_scope: 'Team' } }, { token });
    expect(badUpdate.status).toBe(400);
    const badConfigure = await t.http.post('/api/v1/vendors/configure', { vendor: 'anthropic', admin_api_key: 'sk-ant-admin01-third-credential', extra_config: { workspace_scope: '' } }, { token });
    expect(badConfigure.body).toMatchObject({ message: 'Invalid request: extra_config.workspace_scope' });
    const unchanged = await t.http.get<Connection>(`/api/v1/vendors/connections/${created.body.id}`, { token });
    expect(unchanged.body.settings).toEqual({ workspace_scope: 'team' });
  });

  it('lets only owners change connections, and audits each change without the credential', async () => {
    const res = await t.http.patch(`/api/v1/vendors/connections/${connection.id}`, { label: 'renamed' }, { token: org.users.admin.token });
    expect(res.status).toBe(403);
    const renamed = await t.http.patch<Connection>(`/api/v1/vendors/connections/${connection.id}`, { label: 'renamed' }, { token: org.users.owner.token });
    expect(renamed.body.label).toBe('renamed');
    const audit = await t.http.get(`/api/v1/audit?target=${connection.id}`, { token: org.users.owner.token });
    expect(audit.text).toContain('vendor_connection.updated');
    expect(audit.text).not.toContain(credential);
    expect((await t.http.delete(`/api/v1/vendors/connections/${connection.id}`, { token: org.users.owner.token })).status).toBe(204);
    expect((await t.http.get(`/api/v1/vendors/connections/${connection.id}`, { token: org.users.owner.token })).status).toBe(404);
  });
});
