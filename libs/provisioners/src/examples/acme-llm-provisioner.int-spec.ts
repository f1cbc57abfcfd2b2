import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProvisionerRegistry, provisionerFor, runtimeFrom, type DecryptedConnection } from '@keygate/provisioners';
import { FAST_RETRY, intentFor, recordSteps, vendorErrorOf } from '../test-support/provisioner-fixtures.test';
import { AcmeLlmProvisioner } from './acme-llm-provisioner';

const ADMIN_KEY = 'acme-admin-0123456789';

/** A throwaway Acme: workspaces, keys, and an inference endpoint that accepts only live keys. */
function startFakeAcme(): Promise<{ url: string; server: Server; failNext: (status: number) => void }> {
  const workspaces = new Map<string, { id: string; name: string }>();
  const keys = new Map<string, { id: string; workspaceId: string; secret: string; rpm: number }>();
  const failures: number[] = [];
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
    const path = req.url ?? '';
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (path === '/v1/chat') {
      return [...keys.values()].some((key) => key.secret === bearer) ? send(res, 200, { reply: 'hi' }) : send(res, 401, { error: 'invalid key' });
    }
    if (bearer !== ADMIN_KEY) return send(res, 401, { error: `bad admin key ${bearer ?? ''}` });
    const failure = failures.shift();
    if (failure) return send(res, failure, { error: 'try later' });
    if (req.method === 'GET' && path === '/v1/workspaces') return send(res, 200, { data: [...workspaces.values()] });
    if (req.method === 'POST' && path === '/v1/workspaces') {
      const workspace = { id: `ws_${randomBytes(4).toString('hex')}`, name: String(body['name']) };
      workspaces.set(workspace.id, workspace);
      return send(res, 201, workspace);
    }
    const keyList = /^\/v1\/workspaces\/([^/]+)\/keys$/.exec(path);
    if (keyList?.[1] && req.method === 'POST') {
      const key = { id: `k_${randomBytes(4).toString('hex')}`, workspaceId: keyList[1], secret: `acme-${randomBytes(16).toString('hex')}`, rpm: Number(body['rpm']) };
      keys.set(key.id, key);
      return send(res, 201, key);
    }
    if (keyList?.[1] && req.method === 'GET') {
      return send(res, 200, { data: [...keys.values()].filter((k) => k.workspaceId === keyList[1]).map(({ id, rpm }) => ({ id, rpm })) });
    }
    const keyPath = /^\/v1\/keys\/([^/]+)$/.exec(path);
    if (keyPath?.[1] && req.method === 'DELETE') return keys.delete(keyPath[1]) ? send(res, 204) : send(res, 404, { error: 'no such key' });
    const workspacePath = /^\/v1\/workspaces\/([^/]+)$/.exec(path);
    if (workspacePath?.[1] && req.method === 'DELETE') return workspaces.delete(workspacePath[1]) ? send(res, 204) : send(res, 404, { error: 'gone' });
    return send(res, 404, { error: 'no route' });
  };
  const server = createServer((req, res) => void handle(req, res));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, failNext: (status) => failures.push(status) });
    }),
  );
}

describe('a custom vendor registered through the registry', () => {
  let acme: Awaited<ReturnType<typeof startFakeAcme>>;
  const conn: DecryptedConnection = { id: 'conn_acme', vendor: 'acme_llm', label: 'Acme prod', adminCredential: ADMIN_KEY, settings: {} };

  beforeAll(async () => {
    acme = await startFakeAcme();
  });
  afterAll(() => new Promise<void>((resolve) => acme.server.close(() => resolve())));

  const chat = async (secret: string) => (await fetch(`${acme.url}/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } })).status;

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
