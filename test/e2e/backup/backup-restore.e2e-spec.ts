import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnKeygate, testRunDir, type TestApp, type TestDatabase } from '@keygate/testing';
import { archiveLines, packArchive, tableSection } from './support/archive-edit';
import { AuditVerify, BackupStack, SeededSource } from './support/backup-stack';
import { createEmptyDatabase, fingerprintDatabase, hasKeyGateSchema } from './support/database-probe';
import { runKeygateCli } from './support/keygate-cli';

jest.setTimeout(180_000);

describe('keygate backup and restore (built CLI against real PostgreSQL)', () => {
  let stack: BackupStack;
  let seeded: SeededSource;
  let archive: Buffer;
  let archivePath: string;
  let backupStderr: string;
  let before: Record<string, string>;
  let views: Record<'developers' | 'keys' | 'connections', unknown>;
  let auditBefore: AuditVerify;
  let restored: { db: TestDatabase; app: TestApp; token: string };

  beforeAll(async () => {
    stack = await BackupStack.start();
    seeded = await stack.seedSource();
    const token = seeded.org.users.owner.token;
    views = await stack.readViews(seeded.app, token);
    auditBefore = await stack.verifyAudit(seeded.app, token);
    expect(auditBefore).toMatchObject({ ok: true });
    before = await fingerprintDatabase(seeded.app.db.url);

    mkdirSync(join(testRunDir(), 'backups'), { recursive: true });
    archivePath = join(testRunDir(), 'backups', `${seeded.app.db.name}.gz`);
    // Taken while the API is up and serving: the snapshot makes that safe.
    const backup = await runKeygateCli(['backup', '--out', archivePath], { DATABASE_URL: seeded.app.db.url });
    if (backup.code !== 0) throw new Error(`backup exited ${backup.code}: ${backup.stderr}`);
    backupStderr = backup.stderr;
    archive = readFileSync(archivePath);
  });

  afterAll(() => stack?.close());

  it('warns that the master key is not inside, and writes a private archive without any plaintext secret', () => {
    expect(backupStderr).toContain('does NOT contain KEYGATE_MASTER_KEY');
    expect(backupStderr).toContain('store it like a secret');
    expect(statSync(archivePath).mode & 0o777).toBe(0o600);
    const text = archiveLines(archive).join('\n');
    expect(text).toContain('Ada Lovelace');
    expect(seeded.activeKey.apiKey).not.toBe('');
    for (const secret of seeded.secrets) expect(text).not.toContain(secret);
  });

  it('restores into an empty database: the same rows and counters, developers, keys, connection and a verifying audit chain', async () => {
    const db = await createEmptyDatabase();
    const result = await runKeygateCli(['restore', '--in', archivePath], { DATABASE_URL: db.url });
    expect(result.stderr).toContain('does NOT contain KEYGATE_MASTER_KEY');
    expect(result.code).toBe(0);
    expect(await fingerprintDatabase(db.url)).toEqual(before);

    const app = await stack.startApp(db);
    const token = await stack.signIn(app, seeded.org);
    restored = { db, app, token };
    expect(await stack.readViews(app, token)).toEqual(views);
    const audit = await stack.verifyAudit(app, token);
    expect(audit.ok).toBe(true);
    // Every event from before the backup, plus what signing in just added.
    expect(audit.checked).toBeGreaterThanOrEqual(auditBefore.checked);
  });

  it('the restored KeyGate decrypts the vendor credential with the same master key and still manages the issued keys', async () => {
    const { app, token } = restored;
    const connections = (await app.http.get<Array<{ id: string }>>('/api/v1/vendors/connections', { token }))
      .body;
    const check = await app.http.post<{ ok: boolean }>(
      `/api/v1/vendors/connections/${connections[0]?.id ?? ''}/check`,
      undefined,
      { token },
    );
    expect(check.body).toMatchObject({ ok: true });
    expect(await stack.completionStatus(seeded.activeKey.apiKey)).toBe(200);
    const revoked = await app.http.post<{ status: string }>(
      `/api/v1/keys/${seeded.activeKey.id}/revoke`,
      undefined,
      { token },
    );
    expect(revoked.body).toMatchObject({ status: 'revoked' });
    expect(await stack.completionStatus(seeded.activeKey.apiKey)).toBe(401);
    // New events chain on from the restored head, with fresh ids.
    const audit = await stack.verifyAudit(app, token);
    expect(audit.ok).toBe(true);
    expect(audit.checked).toBeGreaterThan(auditBefore.checked);
  });

  it('without the same master key a restored KeyGate refuses to start, naming the key it needs', async () => {
    const db = await createEmptyDatabase();
    expect((await runKeygateCli(['restore', '--in', archivePath], { DATABASE_URL: db.url })).code).toBe(0);
    const env = {
      DATABASE_URL: db.url,
      KEYGATE_MASTER_KEY: randomBytes(32).toString('base64'),
      JWT_SECRET: randomBytes(32).toString('base64url'),
      HOST: '127.0.0.1',
      PORT: '0',
    };
    const serve = spawnKeygate('serve', env, 'serve-wrong-master-key');
    try {
      const [message] = await serve.waitForTerminal(/failed to start: .*sealed with master key id "\w+"/);
      expect(message).not.toContain(env.KEYGATE_MASTER_KEY);
      const [code] =
        serve.child.exitCode === null
          ? ((await once(serve.child, 'exit')) as [number | null])
          : [serve.child.exitCode];
      expect(code).toBe(1);
    } finally {
      await serve.stop();
    }
  });

  it('streams through stdout and stdin (backup --out - | restore --in -)', async () => {
    const dumped = await runKeygateCli(['backup', '--out', '-'], { DATABASE_URL: restored.db.url });
    expect(dumped.code).toBe(0);
    const copy = await createEmptyDatabase();
    const loaded = await runKeygateCli(['restore', '--in', '-'], { DATABASE_URL: copy.url }, dumped.stdout);
    expect(loaded.code).toBe(0);
    expect(await fingerprintDatabase(copy.url)).toEqual(await fingerprintDatabase(restored.db.url));
  });

  it('refuses to restore over a database that holds KeyGate data without --force, and changes nothing', async () => {
    const extra = await seeded.app.http.post(
      '/api/v1/developers',
      { name: 'Added Later', email: 'later@example.com', team: 'platform' },
      { token: seeded.org.users.owner.token },
    );
    expect(extra.status).toBe(201);
    const current = await fingerprintDatabase(seeded.app.db.url);
    const result = await runKeygateCli(['restore', '--in', archivePath], { DATABASE_URL: seeded.app.db.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already holds KeyGate data .*--force/);
    expect(await fingerprintDatabase(seeded.app.db.url)).toEqual(current);
  });

  it('with --force replaces all data of a non-empty database, the append-only audit log included', async () => {
    await seeded.app.close();
    const result = await runKeygateCli(['restore', '--force', '--in', archivePath], {
      DATABASE_URL: seeded.app.db.url,
    });
    expect(result.code).toBe(0);
    expect(await fingerprintDatabase(seeded.app.db.url)).toEqual(before);
    const app = await stack.startApp(seeded.app.db);
    const token = await stack.signIn(app, seeded.org);
    const developers = (
      await app.http.get<{ items: Array<{ name: string }> }>('/api/v1/developers', { token })
    ).body;
    expect(developers.items.map((d) => d.name)).not.toContain('Added Later');
    const audit = await stack.verifyAudit(app, token);
    expect(audit.ok).toBe(true);
    expect(audit.checked).toBeGreaterThanOrEqual(auditBefore.checked);
    // The append-only guard is back on: the audit log still refuses TRUNCATE.
    await expect(app.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('is all or nothing: a load that fails half-way (after emptying the tables) leaves the database exactly as it was', async () => {
    const current = await fingerprintDatabase(seeded.app.db.url);
    const lines = archiveLines(archive);
    const header = JSON.parse(lines[0] ?? '{}') as { tables: Array<{ name: string; rows: number }> };
    // A developer of an organization that does not exist: valid archive, checksum resealed, the foreign key fails.
    const { end } = tableSection(lines, 'developers');
    const orphan = (lines[end - 1] ?? '').split('\t');
    orphan[0] = '00000000-0000-4000-8000-000000000001';
    orphan[1] = '00000000-0000-4000-8000-000000000002';
    orphan[3] = 'orphan@example.com';
    const developers = header.tables.find((t) => t.name === 'developers');
    if (developers) developers.rows += 1;
    const broken = [JSON.stringify(header), ...lines.slice(1, end), orphan.join('\t'), ...lines.slice(end)];
    const path = join(testRunDir(), 'backups', 'orphan.gz');
    writeFileSync(path, packArchive(broken, true));
    const result = await runKeygateCli(['restore', '--force', '--in', path], {
      DATABASE_URL: seeded.app.db.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/foreign key/);
    expect(await fingerprintDatabase(seeded.app.db.url)).toEqual(current);
  });

  it('refuses an edited archive before touching the database', async () => {
    const lines = archiveLines(archive).map((line) => line.replace('Grace Hopper', 'Mallory Evil'));
    const tampered = join(testRunDir(), 'backups', 'tampered.gz');
    writeFileSync(tampered, packArchive(lines, false));
    const db = await createEmptyDatabase();
    const result = await runKeygateCli(['restore', '--in', tampered], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('checksum mismatch');
    expect(await hasKeyGateSchema(db.url)).toBe(false);
  });

  it('refuses a truncated archive and one from a newer KeyGate schema, leaving the database as it was', async () => {
    const db = await createEmptyDatabase();
    const truncated = join(testRunDir(), 'backups', 'truncated.gz');
    writeFileSync(truncated, archive.subarray(0, Math.floor(archive.length / 2)));
    const cut = await runKeygateCli(['restore', '--in', truncated], { DATABASE_URL: db.url });
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/corrupt or truncated/);

    const lines = archiveLines(archive);
    const header = JSON.parse(lines[0] ?? '{}') as { migrations: string[] };
    header.migrations.push('FromTheFuture1999999999999');
    const future = join(testRunDir(), 'backups', 'future.gz');
    writeFileSync(future, packArchive([JSON.stringify(header), ...lines.slice(1)], true));
    const newer = await runKeygateCli(['restore', '--in', future], { DATABASE_URL: db.url });
    expect(newer.code).toBe(1);
    expect(newer.stderr).toContain('FromTheFuture1999999999999');
    expect(newer.stderr).toContain('upgrade KeyGate first');
    expect(await hasKeyGateSchema(db.url)).toBe(false);
  });

  it('without DATABASE_URL uses the embedded database of `start` in KEYGATE_DATA_DIR, as npm start users do', async () => {
    const nothing = join(testRunDir(), 'data', `backup-none-${randomBytes(4).toString('hex')}`);
    const missing = await runKeygateCli(['backup', '--out', join(testRunDir(), 'backups', 'none.gz')], {
      KEYGATE_DATA_DIR: nothing,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no embedded database');

    const dataDir = join(testRunDir(), 'data', `backup-embedded-${randomBytes(4).toString('hex')}`);
    const restoredLocally = await runKeygateCli(['restore', '--in', archivePath], {
      KEYGATE_DATA_DIR: dataDir,
    });
    expect(restoredLocally.stderr).toContain('restored into the embedded database');
    expect(restoredLocally.code).toBe(0);
    const dumped = await runKeygateCli(['backup', '--out', '-'], { KEYGATE_DATA_DIR: dataDir });
    expect(dumped.code).toBe(0);
    const copy = await createEmptyDatabase();
    expect(
      (await runKeygateCli(['restore', '--in', '-'], { DATABASE_URL: copy.url }, dumped.stdout)).code,
    ).toBe(0);
    expect(await fingerprintDatabase(copy.url)).toEqual(before);
  });

  it('exits with 2 and the usage on a wrong command line', async () => {
    const result = await runKeygateCli(['restore', '--bogus'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: keygate restore');
  });
});
