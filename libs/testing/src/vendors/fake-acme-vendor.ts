import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAcme {
  url: string;
  adminKey: string;
  /** POST /v1/chat with the key: 200 for a live key, 401 otherwise. */
  chatStatus(secret: string): Promise<number>;
  /** The next admin call answers this status instead (one call per push). */
  failNext(status: number): void;
  stop(): Promise<void>;
}

/**
 * A throwaway "Acme LLM" (the custom-vendor example of docs/custom-vendors.md): admin API (workspaces, keys) and an
 * inference endpoint that accepts only live keys, on a loopback port. A wrong admin key is echoed in the error, as
 * careless vendors do, so tests can prove KeyGate scrubs it.
 */
export function startFakeAcme(adminKey = `acme-admin-${randomBytes(12).toString('hex')}`): Promise<FakeAcme> {
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
    if (path === '/v1/chat') return [...keys.values()].some((k) => k.secret === bearer) ? send(res, 200, { reply: 'hi' }) : send(res, 401, { error: 'invalid key' });
    if (bearer !== adminKey) return send(res, 401, { error: `bad admin key ${bearer ?? ''}` });
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
    if (keyList?.[1] && req.method === 'GET') return send(res, 200, { data: [...keys.values()].filter((k) => k.workspaceId === keyList[1]).map(({ id, rpm }) => ({ id, rpm })) });
    const keyPath = /^\/v1\/keys\/([^/]+)$/.exec(path);
    if (keyPath?.[1] && req.method === 'DELETE') return keys.delete(keyPath[1]) ? send(res, 204) : send(res, 404, { error: 'no such key' });
    const workspacePath = /^\/v1\/workspaces\/([^/]+)$/.exec(path);
    if (workspacePath?.[1] && req.method === 'DELETE') return workspaces.delete(workspacePath[1]) ? send(res, 204) : send(res, 404, { error: 'gone' });
    return send(res, 404, { error: 'no route' });
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        url,
        adminKey,
        chatStatus: async (secret) => (await fetch(`${url}/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } })).status,
        failNext: (status) => failures.push(status),
        stop: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}
