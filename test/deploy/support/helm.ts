import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './compose-files';

export const chartDir = join(repoRoot, 'helm', 'keygate');
/** Kubernetes version the chart is rendered for (the chart needs >= 1.25). */
export const kubeVersion = '1.34.0';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

/** helm from $HELM, PATH, or $(go env GOPATH)/bin (where scripts/deploy/install-deploy-tools.sh puts it). */
export function findHelm(): string {
  if (process.env.HELM && existsSync(process.env.HELM)) return process.env.HELM;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'helm'))) return join(dir, 'helm');
  }
  const gopath = execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim();
  const candidate = join(gopath, 'bin', 'helm');
  if (existsSync(candidate)) return candidate;
  throw new Error('helm not found: run scripts/deploy/install-deploy-tools.sh');
}

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function helm(args: string[]): HelmResult {
  const result = spawnSync(findHelm(), args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `helm template` with the given values files and --set pairs; throws with helm's message on failure. */
export function render(valuesFiles: string[] = [], set: string[] = [], extra: string[] = []): string {
  const args = ['template', 'kg', chartDir, '--namespace', 'keygate', '--kube-version', kubeVersion];
  for (const file of valuesFiles) args.push('-f', join(repoRoot, file));
  for (const pair of set) args.push('--set', pair);
  const result = helm([...args, ...extra]);
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

export function objects(manifest: string): K8sObject[] {
  return parseAllDocuments(manifest)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

export function find(list: K8sObject[], kind: string, name: string): K8sObject {
  const found = list.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`${kind} ${name} not rendered`);
  return found;
}

const temps: string[] = [];

export function writeTemp(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keygate-helm-'));
  temps.push(dir);
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs scripts/deploy/validate-manifests.mts (kubernetes-models schemas, offline) on one file. */
export function validateManifests(file: string): HelmResult {
  const node = join(repoRoot, 'node_modules', '.bin', 'node');
  const result = spawnSync(node, [join(repoRoot, 'scripts/deploy/validate-manifests.mts'), file], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
