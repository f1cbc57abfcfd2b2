// Builds and starts our images without Docker: replays a Dockerfile's stages (scripts/deploy/dockerfile.mts),
// then runs the final stage's ENTRYPOINT/CMD the way docker-compose.yml does and waits for its HEALTHCHECK.
//   node scripts/deploy/exercise-images.mts api          migrate + serve against a throwaway PostgreSQL
//   node scripts/deploy/exercise-images.mts vendor-sim   the simulator on free ports
//   node scripts/deploy/exercise-images.mts dashboard    the Vite build stage (nginx is checked by test/deploy)
// An optional second argument replays another Dockerfile for that image (e.g. a patched copy).
// Needs the network for `npm install` (registry) and a few minutes. Exit 0 only when every step passed.
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Stage {
  name: string;
  instructions: { keyword: string; args: string }[];
}
interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const repo = process.cwd();
const node = join(repo, 'node_modules', '.bin', 'node'); // the Node 24 the image's base provides
const script = join(repo, 'scripts', 'deploy', 'dockerfile.mts');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function finalStage(dockerfile: string): Stage {
  const stages = JSON.parse(execFileSync(node, [script, 'parse', dockerfile], { encoding: 'utf8' })) as Stage[];
  return stages[stages.length - 1];
}

function execArgs(stage: Stage, keyword: string): string[] {
  const found = stage.instructions.filter((i) => i.keyword === keyword).pop();
  if (!found) return [];
  return (JSON.parse(found.args.replace(/^.*?CMD\s+(?=\[)/, '')) as string[]).map((arg) => (arg === 'node' ? node : arg));
}

function replay(dockerfile: string): Record<string, string> {
  const result = spawnSync(node, [script, 'replay', dockerfile], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
  const lines = result.stdout.trim().split('\n');
  process.stdout.write(`${lines.slice(0, -1).join('\n')}\n`);
  if (result.status !== 0) throw new Error(`replay of ${dockerfile} failed`);
  return JSON.parse(lines[lines.length - 1]) as Record<string, string>;
}

async function waitForHealthcheck(stage: Stage, cwd: string, env: NodeJS.ProcessEnv, child: ChildProcess): Promise<void> {
  const check = execArgs(stage, 'HEALTHCHECK');
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode} before it was healthy`);
    if (spawnSync(check[0], check.slice(1), { cwd, env, timeout: 5000 }).status === 0) {
      console.log(`HEALTHCHECK passed: ${check.slice(1).join(' ')}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('HEALTHCHECK did not pass within 90 s');
}

function start(stage: Stage, cwd: string, env: NodeJS.ProcessEnv, cmd: string[]): ChildProcess {
  const command = [...execArgs(stage, 'ENTRYPOINT'), ...cmd];
  console.log(`starting: ${command.slice(1).join(' ')}`);
  return spawn(command[0], command.slice(1), { cwd, env, stdio: 'inherit' });
}

async function exerciseApi(dockerfile = 'docker/api.Dockerfile'): Promise<void> {
  const stage = finalStage(dockerfile);
  const runtime = replay(dockerfile).runtime;
  // The image ships the embedded PostgreSQL of `npm start`; it serves here as the throwaway database.
  const image = createRequire(join(runtime, 'package.json'));
  const { startEmbeddedPostgres } = image('./dist/apps/api/src/database/embedded-postgres.js') as {
    startEmbeddedPostgres: (o: { dir: string; database: string }) => Promise<EmbeddedDatabase>;
  };
  const database = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'keygate-image-pg-')), database: 'keygate' });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port),
    DATABASE_URL: database.url, KEYGATE_MASTER_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: randomBytes(12).toString('hex'),
  };
  let server: ChildProcess | undefined;
  try {
    const migrate = [...execArgs(stage, 'ENTRYPOINT'), 'migrate'];
    console.log('running: migrate');
    execFileSync(migrate[0], migrate.slice(1), { cwd: runtime, env, stdio: 'inherit' });
    server = start(stage, runtime, env, execArgs(stage, 'CMD'));
    await waitForHealthcheck(stage, runtime, env, server);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    if (!ready.ok) throw new Error(`GET /health/ready answered ${ready.status}`);
    console.log('GET /health/ready: 200');
  } finally {
    server?.kill('SIGTERM');
    await database.stop();
  }
}

async function exerciseVendorSim(dockerfile = 'docker/vendor-sim.Dockerfile'): Promise<void> {
  const stage = finalStage(dockerfile);
  const runtime = replay(dockerfile).runtime;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, NODE_ENV: 'production',
    // Vendor ports ephemeral; the control port known, for the HEALTHCHECK.
    SIM_OPENAI_PORT: '0', SIM_ANTHROPIC_PORT: '0', SIM_AZURE_PORT: '0', SIM_GOOGLE_IAM_PORT: '0', SIM_GOOGLE_CRM_PORT: '0',
    SIM_GOOGLE_TOKEN_PORT: '0', SIM_GOOGLE_VERTEX_PORT: '0', SIM_CONTROL_PORT: String(await freePort()),
  };
  const sim = start(stage, runtime, env, execArgs(stage, 'CMD'));
  try {
    await waitForHealthcheck(stage, runtime, env, sim);
  } finally {
    sim.kill('SIGTERM');
  }
}

function exerciseDashboard(dockerfile = 'docker/dashboard.Dockerfile'): void {
  const build = replay(dockerfile).build;
  const index = join(build, 'apps', 'dashboard', 'dist', 'index.html');
  if (!existsSync(index) || !readFileSync(index, 'utf8').includes('<script')) throw new Error(`no built ${index}`);
  console.log(`dashboard build: ${index}`);
}

async function main(): Promise<void> {
  const [target, dockerfile] = process.argv.slice(2);
  if (target === 'api') await exerciseApi(dockerfile);
  else if (target === 'vendor-sim') await exerciseVendorSim(dockerfile);
  else if (target === 'dashboard') exerciseDashboard(dockerfile);
  else throw new Error('usage: exercise-images.mts api|vendor-sim|dashboard');
  console.log(`${target}: image steps passed`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
