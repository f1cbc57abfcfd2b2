import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readText } from './support/compose-files';

// Runs the dashboard image's nginx configuration with the real nginx (Debian package `nginx`) on loopback:
// the files of docker/dashboard, rendered as the image entrypoint renders them, with paths moved to a temp dir.
const nginx = '/usr/sbin/nginx';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} never answered`);
}

describe('dashboard nginx configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keygate-nginx-'));
  let api: Server;
  let proc: ChildProcess;
  let base = '';

  beforeAll(async () => {
    if (!existsSync(nginx)) throw new Error(`${nginx} missing: run scripts/deploy/install-deploy-tools.sh (Debian package nginx)`);
    chmodSync(dir, 0o755); // nginx workers run as another user when the tests run as root
    api = createServer((req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ upstream: true, url: req.url, forwardedProto: req.headers['x-forwarded-proto'] }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const apiPort = (api.address() as AddressInfo).port;
    const port = await freePort();

    const html = join(dir, 'html');
    mkdirSync(join(html, 'assets'), { recursive: true });
    writeFileSync(join(html, 'index.html'), '<!doctype html><div id="root"></div><script src="/assets/app-1a2b.js"></script>');
    writeFileSync(join(html, 'assets', 'app-1a2b.js'), 'console.log("app")');
    const moved = (text: string) =>
      text.replaceAll('/tmp/', `${dir}/`).replaceAll('/etc/nginx/keygate/', `${dir}/`).replaceAll('/usr/share/nginx/html', html);
    mkdirSync(join(dir, 'nginx'));
    writeFileSync(join(dir, 'security-headers.conf'), readText('docker/dashboard/security-headers.conf'));
    const site = moved(readText('docker/dashboard/keygate.conf.template'))
      .replaceAll('${API_UPSTREAM}', `http://127.0.0.1:${apiPort}`) // envsubst, as the image entrypoint
      .replace('listen 8080;', `listen 127.0.0.1:${port};`);
    writeFileSync(join(dir, 'nginx', 'keygate.conf'), site);
    const main = moved(readText('docker/dashboard/nginx.conf'))
      .replace('error_log /dev/stderr warn;', `error_log ${dir}/error.log warn;`)
      .replace('access_log /dev/stdout;', 'access_log off;');
    writeFileSync(join(dir, 'nginx.conf'), main);
    execFileSync(nginx, ['-t', '-q', '-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')]);
    proc = spawn(nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`);
  });

  afterAll(async () => {
    proc?.kill('SIGTERM');
    await new Promise<void>((resolve) => api.close(() => resolve()));
    await new Promise((r) => setTimeout(r, 200)); // let nginx exit before its folder goes
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers its own health check', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok\n');
  });

  it('serves index.html with security headers', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('server')).toBe('nginx');
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = await fetch(`${base}/keys/3f2a/rotate`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves hashed assets as immutable, still with security headers, and 404s a missing one', async () => {
    const res = await fetch(`${base}/assets/app-1a2b.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('proxies /api/ and the API docs to the API with forwarding headers', async () => {
    for (const path of ['/api/v1/keys?limit=5', '/openapi.json', '/docs/']) {
      const res = await fetch(`${base}${path}`);
      expect(await res.json()).toEqual({ upstream: true, url: path, forwardedProto: 'http' });
    }
  });
});
