import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readText, repoRoot } from './support/compose-files';

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

function parse(dockerfile: string): Stage[] {
  const node = join(repoRoot, 'node_modules', '.bin', 'node');
  const out = execFileSync(node, ['scripts/deploy/dockerfile.mts', 'parse', dockerfile], { cwd: repoRoot, encoding: 'utf8' });
  return JSON.parse(out) as Stage[];
}

function last(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).pop();
}

function execForm(instruction: Instruction | undefined): string[] {
  if (!instruction) return [];
  return JSON.parse(instruction.args.replace(/^CMD\s+/, '')) as string[];
}

const images: [string, { entrypoint: string[]; cmd: string[]; user: string | null; health: RegExp }][] = [
  ['docker/api.Dockerfile', { entrypoint: ['node', 'dist/apps/api/src/main.js'], cmd: ['serve'], user: 'node', health: /\/health'/ }],
  ['docker/vendor-sim.Dockerfile', { entrypoint: ['node', 'dist/apps/vendor-sim/src/main.js'], cmd: [], user: 'node', health: /SIM_CONTROL_PORT/ }],
  ['docker/dashboard.Dockerfile', { entrypoint: [], cmd: [], user: null, health: /127\.0\.0\.1:8080\/healthz/ }],
];

describe.each(images)('%s', (dockerfile, expected) => {
  const stages = parse(dockerfile);
  const runtime = stages[stages.length - 1];

  it('is a multi-stage build whose final stage copies only build outputs', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.name).toBe('runtime');
    expect(runtime.instructions.filter((i) => i.keyword === 'RUN')).toEqual([]);
    expect(runtime.instructions.some((i) => i.keyword === 'COPY' && i.args.startsWith('. '))).toBe(false);
  });

  it('starts from pinned base images (a version tag, never latest)', () => {
    for (const stage of stages) expect(stage.from).toMatch(/:[0-9][^:]*(-[a-z]+)?$/);
  });

  it('runs as a non-root user', () => {
    if (expected.user === null) {
      expect(runtime.from).toMatch(/^nginxinc\/nginx-unprivileged:/);
      expect(last(runtime, 'USER')).toBeUndefined();
    } else {
      expect(last(runtime, 'USER')?.args).toBe(expected.user);
    }
  });

  it('declares the entrypoint, command and an exec-form HEALTHCHECK', () => {
    expect(execForm(last(runtime, 'ENTRYPOINT'))).toEqual(expected.entrypoint);
    expect(execForm(last(runtime, 'CMD'))).toEqual(expected.cmd);
    const health = last(runtime, 'HEALTHCHECK');
    expect(health?.flags).toMatchObject({ interval: expect.stringMatching(/^\d+s$/) as unknown, retries: '3' });
    expect(execForm(health).join(' ')).toMatch(expected.health);
  });

  it('copies only files that exist in the repository or in an earlier stage', () => {
    const names = new Set<string>();
    for (const stage of stages) {
      for (const copy of stage.instructions.filter((i) => i.keyword === 'COPY')) {
        const sources = copy.args.split(/\s+/).slice(0, -1);
        if (copy.flags.from) expect(names).toContain(copy.flags.from);
        else for (const source of sources) expect({ source, exists: existsSync(join(repoRoot, source)) }).toEqual({ source, exists: true });
      }
      names.add(stage.name);
    }
  });

  // `npm install` with the committed lock installs the locked versions; `npm ci` is not used because the npm 11 here
  // writes lock files without other platforms' optional binaries, which `npm ci` then rejects as out of sync.
  it('installs what the lock file says', () => {
    const installs = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN' && /npm (ci|install)/.test(i.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install.args).toMatch(/^npm install (--omit=dev )?--no-audit --no-fund$/);
  });

  it('has a build-context filter that keeps node_modules, .git and .env out', () => {
    const ignore = readText(`${dockerfile}.dockerignore`).split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '.git', '.env']));
  });
});
