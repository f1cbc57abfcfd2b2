import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnthropicProvisioner } from '../anthropic/anthropic-provisioner';
import type { BaseVendorProvisioner, DecryptedConnection } from '../contract';
import { GoogleVertexProvisioner } from '../google-vertex/google-vertex-provisioner';
import { OpenAIProvisioner } from '../openai/openai-provisioner';
import { FAST_RETRY } from '../test-support/provisioner-fixtures.test';

interface Listener {
  url: string;
  hits: string[];
  server: Server;
}

function listen(handler: (path: string, res: import('node:http').ServerResponse) => void): Promise<Listener> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ?? ''}`);
    req.resume();
    handler(req.url ?? '/', res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server })),
  );
}

const close = (listener: Listener) => new Promise<void>((resolve) => listener.server.close(() => resolve()));

/** A vendor endpoint that answers everything with a redirect to a host that records what reaches it. */
describe('redirects from a vendor endpoint are refused, so credentials never reach another host', () => {
  let canary: Listener;
  let redirector: Listener;

  beforeAll(async () => {
    canary = await listen((_path, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    redirector = await listen((path, res) => res.writeHead(302, { location: `${canary.url}${path}` }).end());
  });
  afterAll(async () => {
    await close(canary);
    await close(redirector);
  });

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const googleCredential = JSON.stringify({
    type: 'service_account',
    client_email: 'admin@p.iam.gserviceaccount.com',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    project_id: 'p',
  });

  const cases: Array<[string, () => BaseVendorProvisioner, DecryptedConnection]> = [
    [
      'openai',
      () => new OpenAIProvisioner({ openai: { baseUrl: `${redirector.url}/v1` }, retry: FAST_RETRY }),
      { id: 'c1', vendor: 'openai', label: 'o', adminCredential: 'sk-admin-redirect-test-0000', settings: {} },
    ],
    [
      'anthropic',
      () => new AnthropicProvisioner({ anthropic: { baseUrl: redirector.url }, retry: FAST_RETRY }),
      { id: 'c2', vendor: 'anthropic', label: 'a', adminCredential: 'sk-ant-admin01-redirect-test', settings: {} },
    ],
    [
      'google_vertex',
      () =>
        new GoogleVertexProvisioner({
          google_vertex: { iamUrl: redirector.url, crmUrl: redirector.url, tokenUrl: `${redirector.url}/token` },
          retry: FAST_RETRY,
        }),
      { id: 'c3', vendor: 'google_vertex', label: 'g', adminCredential: googleCredential, settings: {} },
    ],
  ];

  it.each(cases)('%s', async (_vendor, build, conn) => {
    await expect(build().checkConnection(conn)).rejects.toMatchObject({ name: 'VendorError' });
    expect(redirector.hits.length).toBeGreaterThan(0);
    expect(canary.hits).toEqual([]);
  });
});
