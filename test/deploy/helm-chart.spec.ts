import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './support/compose-files';
import { chartDir, find, helm, K8sObject, kubeVersion, objects, removeTemps, render, validateManifests, writeTemp } from './support/helm';

interface Container {
  name: string;
  securityContext?: Record<string, unknown>;
  resources?: { requests?: Record<string, string> };
  env?: { name: string; value?: string; valueFrom?: unknown }[];
}
interface PodSpec {
  securityContext?: Record<string, unknown>;
  containers: Container[];
}

afterAll(removeTemps);

const scenarios: [string, string[]][] = [
  ['default values', []],
  ['external database', ['test/deploy/values/external-db.yaml']],
  ['ingress with TLS', ['test/deploy/values/ingress-tls.yaml']],
  ['HPA off', ['test/deploy/values/hpa-off.yaml']],
  ['existing secrets', ['test/deploy/values/existing-secrets.yaml']],
];

function podSpec(object: K8sObject): PodSpec {
  return (object.spec as { template: { spec: PodSpec } }).template.spec;
}

function workloads(list: K8sObject[]): K8sObject[] {
  return list.filter((object) => ['Deployment', 'StatefulSet', 'Job'].includes(object.kind));
}

describe.each(scenarios)('helm chart with %s', (_name, valuesFiles) => {
  const manifest = render(valuesFiles);
  const list = objects(manifest);

  it('passes helm lint --strict', () => {
    const args = ['lint', '--strict', chartDir, '--kube-version', kubeVersion];
    for (const file of valuesFiles) args.push('-f', join(repoRoot, file));
    const result = helm(args);
    expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({ status: 0, output: expect.stringContaining('0 chart(s) failed') as unknown });
  });

  it('renders manifests valid against the Kubernetes schemas', () => {
    const result = validateManifests(writeTemp('manifest.yaml', manifest));
    expect({ status: result.status, errors: result.stderr }).toEqual({ status: 0, errors: '' });
  });

  it('runs every container non-root, read-only, without capabilities or privilege escalation, under RuntimeDefault seccomp', () => {
    expect(workloads(list).map((w) => w.kind)).toEqual(expect.arrayContaining(['Deployment', 'Job']));
    for (const workload of workloads(list)) {
      const pod = podSpec(workload);
      for (const container of pod.containers) {
        const context = { ...pod.securityContext, ...container.securityContext };
        expect({ workload: workload.metadata.name, container: container.name, context }).toMatchObject({
          context: {
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        });
      }
    }
  });

  it('gives every container resource requests and keeps secrets out of plain env values', () => {
    for (const workload of workloads(list)) {
      for (const container of podSpec(workload).containers) {
        expect(container.resources?.requests).toBeDefined();
        for (const variable of container.env ?? []) {
          if (/PASSWORD|SECRET|MASTER_KEY/.test(variable.name)) expect({ variable: variable.name, value: variable.value }).toEqual({ variable: variable.name, value: undefined });
        }
      }
    }
  });

  it('keeps every Secret out of the ConfigMap', () => {
    const config = find(list, 'ConfigMap', 'kg-keygate-api').data ?? {};
    expect(Object.keys(config).filter((key) => /PASSWORD|SECRET|MASTER_KEY|DATABASE_URL/.test(key))).toEqual([]);
  });
});

describe('helm chart behaviour', () => {
  it('rolls the API pods when the configuration changes', () => {
    const checksum = (manifest: string) => find(objects(manifest), 'Deployment', 'kg-keygate-api').spec as { template: { metadata: { annotations: Record<string, string> } } };
    const before = checksum(render([], ['auth.masterKey=' + Buffer.alloc(32, 1).toString('base64'), 'auth.jwtSecret=' + 'x'.repeat(40)]));
    const same = checksum(render([], ['auth.masterKey=' + Buffer.alloc(32, 1).toString('base64'), 'auth.jwtSecret=' + 'x'.repeat(40)]));
    const changed = checksum(render([], ['auth.masterKey=' + Buffer.alloc(32, 1).toString('base64'), 'auth.jwtSecret=' + 'x'.repeat(40), 'config.logLevel=debug']));
    expect(same.template.metadata.annotations).toEqual(before.template.metadata.annotations);
    expect(changed.template.metadata.annotations['checksum/config']).not.toBe(before.template.metadata.annotations['checksum/config']);
    expect(changed.template.metadata.annotations['checksum/secret']).toBe(before.template.metadata.annotations['checksum/secret']);
  });

  it('runs a fixed replica count without an HPA when autoscaling is off', () => {
    const list = objects(render(['test/deploy/values/hpa-off.yaml']));
    expect((find(list, 'Deployment', 'kg-keygate-api').spec as { replicas: number }).replicas).toBe(3);
    expect(list.some((object) => object.kind === 'HorizontalPodAutoscaler')).toBe(false);
  });

  it('creates no Secret when every credential comes from existing Secrets', () => {
    const list = objects(render(['test/deploy/values/existing-secrets.yaml']));
    expect(list.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it('terminates TLS for the host at the ingress and routes the API paths to the API', () => {
    const ingress = find(objects(render(['test/deploy/values/ingress-tls.yaml'])), 'Ingress', 'kg-keygate');
    const spec = ingress.spec as { tls: unknown[]; rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[] };
    expect(spec.tls).toEqual([{ hosts: ['keygate.example.com'], secretName: 'kg-keygate-tls' }]);
    const routes = Object.fromEntries(spec.rules[0].http.paths.map((p) => [p.path, p.backend.service.name]));
    expect(routes).toMatchObject({ '/api': 'kg-keygate-api', '/': 'kg-keygate-dashboard' });
  });

  it('refuses values that break the schema or miss the external database', () => {
    expect(() => render([], ['replicaCount=two'])).toThrow(/replicaCount/);
    expect(() => render([], ['database.ssl=maybe'])).toThrow(/database\/ssl|database.ssl/);
    expect(() => render([], ['postgresql.enabled=false'])).toThrow(/externalDatabase.host is required/);
  });

  it('has a README and values.schema.json generated from the documented values', () => {
    const node = join(repoRoot, 'node_modules', '.bin', 'node');
    const result = spawnSync(node, ['scripts/deploy/chart-docs.mts', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect({ status: result.status, problems: result.stderr.replace(/\(node:\d+\)[\s\S]*$/, '') }).toEqual({ status: 0, problems: '' });
  });

  it('has a manifest validator that rejects an invalid object', () => {
    const broken = render().replace('containerPort: 8000', 'containerPort: "8000"');
    const result = validateManifests(writeTemp('broken.yaml', broken));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('containerPort must be integer');
  });
});
