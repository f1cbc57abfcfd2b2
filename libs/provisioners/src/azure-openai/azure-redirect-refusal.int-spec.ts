import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzureSim, type RunningAzureSim } from '@sim/azure/start-azure-sim';
import { createLoopbackTls } from '@sim/azure/tls/loopback-certificates';
import { createSimContext } from '@sim/common/sim-context';
import { FAST_RETRY } from '../test-support/provisioner-fixtures.test';
import { AzureOpenAIProvisioner } from './azure-openai-provisioner';

interface HttpsListener {
  url: string;
  hits: string[];
  server: Server;
}

function listenTls(tls: { serverKeyPem: string; serverCertPem: string }, redirectTo?: string): Promise<HttpsListener> {
  const hits: string[] = [];
  const server = createServer({ key: tls.serverKeyPem, cert: tls.serverCertPem }, (req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ? 'with authorization' : ''}`);
    req.resume();
    if (redirectTo) res.writeHead(302, { location: `${redirectTo}${req.url ?? '/'}` }).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server })),
  );
}

const close = (listener: HttpsListener) => new Promise<void>((resolve) => listener.server.close(() => resolve()));

describe('AzureOpenAIProvisioner and a redirecting ARM endpoint', () => {
  const settings = {
    tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    client_id: '11111111-2222-3333-4444-555555555555',
    subscription_id: '00000000-1111-2222-3333-444444444444',
    resource_group: 'keygate-devs',
    location: 'eastus',
  };
  const secret = 'sim~client~secret~redirect-test';
  let sim: RunningAzureSim;
  let canary: HttpsListener;
  let redirector: HttpsListener;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kg-azure-ca-'));
    sim = await startAzureSim(createSimContext(), {
      tenantId: settings.tenant_id,
      clientId: settings.client_id,
      clientSecret: secret,
      subscriptionId: settings.subscription_id,
      dataDir,
    });
    const tls = await createLoopbackTls(dataDir); // same CA as the simulator
    canary = await listenTls(tls);
    redirector = await listenTls(tls, canary.url);
  });
  afterAll(async () => {
    await close(redirector);
    await close(canary);
    await sim.stop();
  });

  it('does not follow the redirect, so the ARM bearer token never reaches the other host', async () => {
    const provisioner = new AzureOpenAIProvisioner({
      azure_openai: { authorityHost: sim.url, armEndpoint: redirector.url, caPem: sim.caPem },
      retry: FAST_RETRY,
    });
    const check = await provisioner.checkConnection({ id: 'c', vendor: 'azure_openai', label: 'Azure', adminCredential: secret, settings });
    expect(check.ok).toBe(false);
    expect(redirector.hits.some((hit) => hit.endsWith('with authorization'))).toBe(true);
    expect(canary.hits).toEqual([]);
  });
});
