import { MissingVariableError } from './support/compose-interpolation';
import { composeSchemaValidator, filledEnv, loadCompose, parseCompose, readText } from './support/compose-files';

const base = ['docker-compose.yml'];
const sandbox = ['docker-compose.yml', 'docker/compose.sandbox.yml'];
const requiredSecrets = ['POSTGRES_PASSWORD', 'KEYGATE_MASTER_KEY', 'JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'];

describe('docker-compose.yml', () => {
  const validate = composeSchemaValidator();
  const compose = loadCompose(base, filledEnv());
  const services = compose.services;

  it('is valid against the Compose Specification schema once .env is filled', () => {
    expect(validate(compose)).toEqual([]);
  });

  it('is valid before interpolation too (every field has the right shape)', () => {
    expect(validate(parseCompose('docker-compose.yml'))).toEqual([]);
  });

  it('rejects a misspelled service key and a healthcheck interval that is not a duration', () => {
    const broken = loadCompose(base, filledEnv());
    (broken.services.api as unknown as Record<string, unknown>).read_onyl = true;
    (broken.services.postgres.healthcheck as unknown as Record<string, unknown>).interval = 'soon';
    const errors = validate(broken).join('\n');
    expect(errors).toContain('must NOT have additional properties');
    expect(errors).toContain('/services/postgres/healthcheck/interval must match format "duration"');
  });

  it.each(requiredSecrets)('refuses to start when %s is missing from .env', (name) => {
    const env = { ...filledEnv(), [name]: undefined };
    expect(() => loadCompose(base, env)).toThrow(MissingVariableError);
    expect(() => loadCompose(base, env)).toThrow(new RegExp(`^${name}: set ${name} in .env`));
  });

  it('gives no secret a default value', () => {
    const text = readText('docker-compose.yml') + readText('docker/compose.sandbox.yml');
    for (const name of [...requiredSecrets, 'DATABASE_URL']) {
      expect(text).not.toMatch(new RegExp(`\\$\\{${name}:?-`));
    }
    const raw = parseCompose('docker-compose.yml') as typeof compose;
    for (const [serviceName, service] of Object.entries(raw.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|MASTER_KEY$|DATABASE_URL/.test(key)) {
          expect({ serviceName, key, value }).toEqual({ serviceName, key, value: expect.stringMatching(/\$\{[A-Z_]+:\?/) as unknown });
        }
      }
    }
  });

  it('does not publish PostgreSQL to the host', () => {
    expect(services.postgres.ports).toBeUndefined();
    expect(services.postgres.network_mode).toBeUndefined();
  });

  it('keeps the database in a named volume', () => {
    expect(services.postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql']);
    expect(services.postgres.environment?.PGDATA).toBeUndefined();
    expect(Object.keys(compose.volumes ?? {})).toContain('postgres-data');
  });

  it('drops every capability and forbids privilege escalation in every service', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, capDrop: service.cap_drop }).toEqual({ name, capDrop: ['ALL'] });
      expect({ name, securityOpt: service.security_opt }).toEqual({ name, securityOpt: ['no-new-privileges:true'] });
      expect({ name, readOnly: service.read_only }).toEqual({ name, readOnly: true });
      expect(service.tmpfs?.some((mount) => mount.startsWith('/tmp:'))).toBe(true);
    }
    expect(services.postgres.cap_add).not.toContain('SYS_ADMIN');
    expect(services.api.cap_add).toBeUndefined();
    expect(services.dashboard.cap_add).toBeUndefined();
  });

  it('starts in order: postgres healthy, then the one-shot migration, then the API, then the dashboard', () => {
    expect(services.migrate.command).toEqual(['migrate']);
    expect(services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    expect(services.dashboard.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    for (const name of ['postgres', 'api', 'dashboard']) expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
    expect(services.api.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:8000/health');
  });

  it('serves the dashboard on :3000 and the API on :8000 by default', () => {
    expect(services.dashboard.ports).toEqual(['3000:8080']);
    expect(services.api.ports).toEqual(['8000:8000']);
    expect(services.dashboard.environment?.API_UPSTREAM).toBe('http://api:8000');
  });

  it('runs the API in production mode against the compose database', () => {
    expect(services.api.command).toEqual(['serve']);
    expect(services.api.environment?.DATABASE_URL).toBe(`postgres://keygate:${filledEnv().POSTGRES_PASSWORD}@postgres:5432/keygate`);
    expect(services.api.environment?.KEYGATE_MASTER_KEY).toBe(filledEnv().KEYGATE_MASTER_KEY);
  });

  it('documents every required variable in docker/compose.env.example', () => {
    const example = readText('docker/compose.env.example');
    const required = [...readText('docker-compose.yml').matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(requiredSecrets));
    for (const name of required) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });
});

describe('docker/compose.sandbox.yml', () => {
  const compose = loadCompose(sandbox, filledEnv());

  it('is valid against the Compose Specification schema merged over docker-compose.yml', () => {
    expect(composeSchemaValidator()(compose)).toEqual([]);
  });

  it('turns on the sandbox vendors the API runs itself, with their state on the tmpfs', () => {
    expect(compose.services.api.environment).toMatchObject({ KEYGATE_SANDBOX: 'true', KEYGATE_DATA_DIR: '/tmp/keygate' });
    expect(compose.services.api.tmpfs?.some((mount) => mount.startsWith('/tmp:'))).toBe(true);
    expect(compose.services.api.read_only).toBe(true);
  });

  it('keeps every secret of the base file and publishes nothing more', () => {
    expect(compose.services.api.environment?.KEYGATE_MASTER_KEY).toBe(filledEnv().KEYGATE_MASTER_KEY);
    expect(compose.services.api.ports).toEqual(['8000:8000']);
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'dashboard', 'migrate', 'postgres']);
  });
});
