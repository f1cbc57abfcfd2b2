// Generates the parameter tables of helm/keygate/README.md and helm/keygate/values.schema.json from the
// `## @section` / `## @param` comments and the defaults of values.yaml (bitnami readme-generator conventions).
// Usage: node scripts/deploy/chart-docs.mts [--check]   (--check: exit 1 when a file is stale or a value
// has no @param, write nothing)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
interface Param {
  path: string;
  description: string;
  section: string;
}

// Run from the repository root (npm scripts do).
const chartDir = join(process.cwd(), 'helm', 'keygate');
const valuesText = readFileSync(join(chartDir, 'values.yaml'), 'utf8');
const values = parse(valuesText) as JsonObject;

// Objects whose keys the user may extend freely (Kubernetes structures, label maps).
const freeForm = new Set([
  'commonLabels', 'commonAnnotations', 'resources', 'podSecurityContext', 'containerSecurityContext',
  'updateStrategy', 'affinity', 'nodeSelector', 'podAnnotations', 'podLabels', 'service.annotations',
  'config.vendorEndpoints', 'ingress.annotations', 'serviceAccount.annotations', 'networkPolicy.ingressNSMatchLabels',
  'networkPolicy.metricsNSMatchLabels', 'metrics.serviceMonitor.labels', 'migration.resources',
  'dashboard.resources', 'dashboard.containerSecurityContext', 'dashboard.podAnnotations', 'dashboard.nodeSelector',
  'postgresql.resources', 'postgresql.podSecurityContext', 'postgresql.containerSecurityContext',
  'postgresql.nodeSelector',
]);

// Constraints that a default value cannot show.
const pullPolicy: JsonObject = { enum: ['Always', 'IfNotPresent', 'Never'] };
const digest: JsonObject = { type: 'string', pattern: '^(sha256:[a-f0-9]{64})?$' };
const port: JsonObject = { type: 'integer', minimum: 1, maximum: 65535 };
const percentOrEmpty: JsonObject = { oneOf: [{ type: 'integer', minimum: 1, maximum: 100 }, { type: 'string', enum: [''] }] };
const intOrPercentOrEmpty: JsonObject = { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^([0-9]+%?)?$' }] };
const serviceType: JsonObject = { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] };
const overrides: Record<string, JsonObject> = {
  'image.pullPolicy': pullPolicy, 'dashboard.image.pullPolicy': pullPolicy, 'postgresql.image.pullPolicy': pullPolicy,
  'image.digest': digest, 'dashboard.image.digest': digest, 'postgresql.image.digest': digest,
  'containerPorts.http': port, 'service.port': port, 'dashboard.service.port': port, 'dashboard.containerPort': port,
  'externalDatabase.port': port,
  'service.type': serviceType, 'dashboard.service.type': serviceType,
  replicaCount: { type: 'integer', minimum: 1 },
  'dashboard.replicaCount': { type: 'integer', minimum: 1 },
  'autoscaling.minReplicas': { type: 'integer', minimum: 1 },
  'autoscaling.maxReplicas': { type: 'integer', minimum: 1 },
  'autoscaling.targetCPU': percentOrEmpty,
  'autoscaling.targetMemory': percentOrEmpty,
  'pdb.minAvailable': intOrPercentOrEmpty,
  'pdb.maxUnavailable': intOrPercentOrEmpty,
  'database.ssl': { type: 'string', enum: ['false', 'true', 'require'] },
  'database.poolMax': { type: 'integer', minimum: 2, maximum: 500 },
  'auth.admin.password': { type: 'string', anyOf: [{ maxLength: 0 }, { minLength: 12 }] },
  'config.logLevel': { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] },
  'config.trustProxy': { type: 'string', minLength: 1 },
  'config.bodyLimitBytes': { type: 'integer', minimum: 1024, maximum: 52428800 },
  podAntiAffinityPreset: { enum: ['', 'soft', 'hard'] },
  'auth.masterKey': { type: 'string', pattern: '^([A-Za-z0-9+/]{43}=)?$' },
  'auth.jwtSecret': { type: 'string', anyOf: [{ maxLength: 0 }, { minLength: 32 }] },
  'postgresql.persistence.size': { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$' },
};

function collectParams(text: string): Param[] {
  const params: Param[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const sectionMatch = /^\s*## @section (.+)$/.exec(line);
    if (sectionMatch) section = sectionMatch[1].trim();
    const paramMatch = /^\s*## @param (\S+) (.+)$/.exec(line);
    if (paramMatch) params.push({ path: paramMatch[1], description: paramMatch[2].trim(), section });
  }
  return params;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A documented value is a leaf, an empty collection, or an object named as a whole.
function documentedPaths(node: JsonObject, documented: Set<string>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(value) && Object.keys(value).length > 0 && !documented.has(path)) {
      out.push(...documentedPaths(value, documented, path));
    } else {
      out.push(path);
    }
  }
  return out;
}

function valueAt(path: string): Json | undefined {
  let node: Json | undefined = values;
  for (const key of path.split('.')) node = isObject(node) ? node[key] : undefined;
  return node;
}

function renderDefault(value: Json | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value);
  return '`' + text.replace(/\|/g, '\\|') + '`';
}

function renderTables(params: Param[]): string {
  const lines: string[] = [];
  let section = '';
  for (const param of params) {
    if (param.section !== section) {
      section = param.section;
      lines.push('', `### ${section}`, '', '| Name | Description | Default |', '| ---- | ----------- | ------- |');
    }
    lines.push(`| \`${param.path}\` | ${param.description.replace(/\|/g, '\\|')} | ${renderDefault(valueAt(param.path))} |`);
  }
  return lines.join('\n').trim();
}

function schemaFor(value: Json, path: string, descriptions: Map<string, string>): JsonObject {
  const described = (schema: JsonObject): JsonObject => {
    const description = descriptions.get(path);
    return description ? { description, ...schema } : schema;
  };
  if (overrides[path]) return described({ ...overrides[path] });
  if (Array.isArray(value)) return described({ type: 'array' });
  if (isObject(value)) {
    const properties: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      properties[key] = schemaFor(child, path ? `${path}.${key}` : key, descriptions);
    }
    const closed = !freeForm.has(path);
    return described({ type: 'object', properties, ...(closed ? { additionalProperties: false } : {}) });
  }
  if (typeof value === 'boolean') return described({ type: 'boolean' });
  if (typeof value === 'number') return described({ type: Number.isInteger(value) ? 'integer' : 'number' });
  return described({ type: 'string' });
}

function renderSchema(params: Param[]): string {
  const descriptions = new Map(params.map((p) => [p.path, p.description]));
  const root = schemaFor(values, '', descriptions);
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'KeyGate Helm chart values', ...root };
  return JSON.stringify(schema, null, 2) + '\n';
}

function problemsWithParams(params: Param[]): string[] {
  const documented = new Set(params.map((p) => p.path));
  const problems = documentedPaths(values, documented)
    .filter((path) => !documented.has(path))
    .map((path) => `values.yaml: ${path} has no ## @param`);
  for (const param of params) {
    if (valueAt(param.path) === undefined) problems.push(`values.yaml: @param ${param.path} names no value`);
  }
  return problems;
}

const begin = '<!-- parameters:begin (generated by scripts/deploy/chart-docs.mts) -->';
const end = '<!-- parameters:end -->';

function main(): void {
  const check = process.argv.includes('--check');
  const params = collectParams(valuesText);
  const problems = problemsWithParams(params);
  const readmePath = join(chartDir, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) problems.push(`README.md: markers ${begin} ... ${end} missing`);
  const newReadme = `${readme.slice(0, start + begin.length)}\n\n${renderTables(params)}\n\n${readme.slice(stop)}`;
  const schemaPath = join(chartDir, 'values.schema.json');
  const newSchema = renderSchema(params);
  if (check) {
    if (readme !== newReadme) problems.push('README.md is stale: run node scripts/deploy/chart-docs.mts');
    if (readFileSync(schemaPath, 'utf8') !== newSchema) problems.push('values.schema.json is stale: run node scripts/deploy/chart-docs.mts');
  } else if (problems.length === 0) {
    writeFileSync(readmePath, newReadme);
    writeFileSync(schemaPath, newSchema);
  }
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main();
