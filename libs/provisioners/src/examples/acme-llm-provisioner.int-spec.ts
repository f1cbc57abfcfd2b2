import { startFakeAcme, type FakeAcme } from '@keygate/testing';
import { createProvisionerRegistry, provisionerFor, runtimeFrom, type DecryptedConnection } from '@keygate/provisioners';
import { FAST_RETRY, intentFor, recordSteps, vendorErrorOf } from '../test-support/provisioner-fixtures.test';
import { AcmeLlmProvisioner } from './acme-llm-provisioner';

const ADMIN_KEY = 'acme-admin-0123456789';

describe('a custom vendor registered through the registry', () => {
  let acme: FakeAcme;
  const conn: DecryptedConnection = { id: 'conn_acme', vendor: 'acme_llm', label: 'Acme prod', adminCredential: ADMIN_KEY, settings: {} };

  beforeAll(async () => {
    acme = await startFakeAcme(ADMIN_KEY);
  });
  afterAll(() => acme.stop());

  const chat = (secret: string) => acme.chatStatus(secret);

  it('provisions, reads policy back, and revokes like a built-in vendor', async () => {
    const endpoints = { retry: FAST_RETRY };
    const registry = createProvisionerRegistry(endpoints, [new AcmeLlmProvisioner(acme.url, runtimeFrom(endpoints))]);
    const provisioner = provisionerFor(registry, 'acme_llm');
    if (!provisioner) throw new Error('acme_llm is not registered');

    acme.failNext(503);
    const intent = intentFor({ rateLimitRpm: 42 });
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    expect(await chat(result.secret ?? '')).toBe(200);
    await expect(provisioner.readPolicy(conn, result)).resolves.toEqual({ rateLimitRpm: 42 });
    await expect(provisioner.findByIntent(conn, intent.intentId)).resolves.toHaveLength(1);

    await provisioner.revoke(conn, result, { offboard: true });
    await provisioner.revoke(conn, result, { offboard: true });
    expect(await chat(result.secret ?? '')).toBe(401);
    await expect(provisioner.findByIntent(conn, intent.intentId)).resolves.toEqual([]);
  });

  it('gets the same error handling: a wrong admin key is a rejected connection, never echoed', async () => {
    const provisioner = new AcmeLlmProvisioner(acme.url, runtimeFrom({ retry: FAST_RETRY }));
    const error = await vendorErrorOf(provisioner.provision({ ...conn, adminCredential: 'acme-admin-wrong-987654' }, intentFor(), recordSteps().record));
    expect(error.kind).toBe('connection_rejected');
    expect(error.message).not.toContain('987654');
  });
});
