// Validates rendered Kubernetes manifests offline against the OpenAPI schemas shipped in the
// kubernetes-models packages (the Kubernetes API itself, plus prometheus-operator for ServiceMonitor).
// Usage: node scripts/deploy/validate-manifests.mts FILE...   exit 1 on the first invalid or unknown object.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: unknown) => Validatable;
interface TypeMeta {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
}

// Module of the model class of one apiVersion/kind, e.g. apps/v1 Deployment -> kubernetes-models/apps/v1/Deployment.
function modulePath(apiVersion: string, kind: string): string {
  if (apiVersion.startsWith('monitoring.coreos.com/')) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  }
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function loadModel(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  try {
    const module = (await import(modulePath(apiVersion, kind))) as Record<string, unknown>;
    return module[kind] as ModelClass | undefined;
  } catch {
    return undefined;
  }
}

async function validateFile(file: string): Promise<string[]> {
  const problems: string[] = [];
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  let count = 0;
  for (const document of documents) {
    if (document.errors.length > 0) {
      problems.push(`${file}: YAML error: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS() as TypeMeta | null;
    if (object === null) continue;
    count += 1;
    const { apiVersion, kind } = object;
    const label = `${file}: ${String(kind)} ${String(object.metadata?.name)}`;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      problems.push(`${label}: apiVersion and kind are required`);
      continue;
    }
    const Model = await loadModel(apiVersion, kind);
    if (!Model) {
      problems.push(`${label}: no schema for ${apiVersion} ${kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error: unknown) {
      problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (count === 0) problems.push(`${file}: no Kubernetes object`);
  else if (problems.length === 0) console.log(`${file}: ${count} objects valid`);
  return problems;
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: validate-manifests.mts FILE...');
    process.exitCode = 2;
    return;
  }
  const problems: string[] = [];
  for (const file of files) problems.push(...(await validateFile(file)));
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
