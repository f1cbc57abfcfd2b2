// Reads our Dockerfiles and replays them outside Docker (no engine runs here).
//   node scripts/deploy/dockerfile.mts parse FILE      print the stages as JSON (used by test/deploy)
//   node scripts/deploy/dockerfile.mts replay FILE     replay its node stages in temp folders; the last line
//                                                       printed is {"stage": "folder", ...}
// The replay: each stage gets its own folder standing for WORKDIR /app; COPY copies from the build context
// (the committed tree, HEAD) or from an earlier stage's folder; RUN runs there with sh.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

interface Instruction {
  keyword: string;
  args: string;
  flags: Record<string, string>;
}
interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    const flags: Record<string, string> = {};
    let body = rest;
    for (let m = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(body); m; m = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(body)) {
      flags[m[1]] = m[2] ?? 'true';
      body = body.slice(m[0].length);
    }
    if (upper === 'ARG' && stages.length === 0) {
      const [name, value = ''] = body.split('=');
      args[name] = value;
    } else if (upper === 'FROM') {
      const [image, , name] = body.replace(/\$\{(\w+)\}/g, (_m, n: string) => args[n] ?? '').split(/\s+/);
      stages.push({ name: name ?? String(stages.length), from: image, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: upper, args: body, flags });
    }
  }
  return stages;
}

/** The build context: the committed tree (HEAD), extracted into `dir`; returns its file list. */
function extractContext(repo: string, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${repo}" archive HEAD | tar -x -C "${dir}"`]);
  const out = execFileSync('git', ['ls-tree', '-r', '-z', '--name-only', 'HEAD'], { cwd: repo, encoding: 'utf8' });
  return out.split('\0').filter((file) => file && existsSync(join(dir, file)));
}

/** COPY as Docker does it for the forms our Dockerfiles use; WORKDIR /app is the stage folder. */
function copyStep(args: string, from: string | undefined, dir: string, dirs: Map<string, string>, repo: string, files: string[]): void {
  const parts = args.split(/\s+/);
  const destination = parts.pop() ?? '.';
  const fromDir = from ? dirs.get(from) : repo;
  if (!fromDir) throw new Error(`COPY --from=${from}: no such stage`);
  const intoDir = destination === '.' || destination.endsWith('/');
  for (const source of parts) {
    const relative = from ? source.replace(/^\/app\/?/, '') : source.replace(/^\.\/?/, '');
    if (!from && relative === '') {
      for (const file of files) cpSync(join(repo, file), join(dir, destination, file), { recursive: true });
      continue;
    }
    const target = intoDir ? join(dir, destination, basename(relative)) : join(dir, destination);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(fromDir, relative), target, { recursive: true });
  }
}

/** Replays the stages; returns the folder of each stage. */
function replay(stages: Stage[], repo: string, log: (line: string) => void): Map<string, string> {
  // The base image's Node 24 (the repository pins it as the `node` devDependency) runs npm and the build.
  const node24 = dirname(realpathSync(join(repo, 'node_modules', '.bin', 'node')));
  const dirs = new Map<string, string>();
  const root = mkdtempSync(join(tmpdir(), 'keygate-image-'));
  chmodSync(root, 0o755); // image files are world-readable; the embedded PostgreSQL runs as its own user under root
  // The committed tree is the build context: a fixed snapshot, as `docker build` takes one, and the
  // tree CI clones (uncommitted edits are not part of it).
  const context = join(root, '.context');
  const files = extractContext(repo, context);

  for (const stage of stages) {
    if (!stage.from.startsWith('node:')) {
      log(`[${stage.name}] skipped: FROM ${stage.from} is not replayable here`);
      continue;
    }
    const dir = join(root, stage.name);
    mkdirSync(dir, { recursive: true });
    dirs.set(stage.name, dir);
    for (const { keyword, args, flags } of stage.instructions) {
      if (keyword === 'COPY') {
        copyStep(args, flags.from, dir, dirs, context, files);
        log(`[${stage.name}] COPY ${args}`);
      } else if (keyword === 'RUN') {
        log(`[${stage.name}] RUN ${args}`);
        execFileSync('sh', ['-c', args], { cwd: dir, stdio: 'inherit', env: { ...process.env, PATH: `${join(dir, 'node_modules', '.bin')}:${node24}:${process.env.PATH ?? ''}` } });
      }
    }
  }
  return dirs;
}

function main(): void {
  const [command, file] = process.argv.slice(2);
  if (!file || (command !== 'parse' && command !== 'replay')) {
    console.error('usage: dockerfile.mts parse|replay FILE');
    process.exitCode = 2;
    return;
  }
  const stages = parseDockerfile(readFileSync(file, 'utf8'));
  if (command === 'parse') {
    process.stdout.write(`${JSON.stringify(stages, null, 2)}\n`);
    return;
  }
  const dirs = replay(stages, process.cwd(), (line) => console.log(line));
  console.log(JSON.stringify(Object.fromEntries(dirs)));
}

main();
