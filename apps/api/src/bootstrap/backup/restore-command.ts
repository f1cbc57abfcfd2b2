import { createReadStream } from 'node:fs';
import { runMigrations } from '@api/database/data-source';
import { parseRestoreArgs, RESTORE_USAGE } from './backup-args';
import { ARCHIVE_WARNING } from './backup-warning';
import { ArchiveHeader } from './archive-format';
import { readArchive } from './archive-reader';
import { appliedMigrations, listTables } from './database-catalog';
import { connectForCopy, DatabaseTarget, openDatabaseTarget } from './database-target';
import { restoreDatabase, RestoreRefusedError, tablesWithRows, withKeyGateData } from './restore-database';
import { runTool, say } from './run-tool';
import { assertKnownSchema, knownMigrations, migrateUpTo } from './schema-version';
import { spoolStdin } from './spool-stdin';

/** `keygate restore --in FILE|- [--force]` */
export function restoreCommand(argv: string[]): Promise<never> {
  return runTool('restore', RESTORE_USAGE, async () => {
    const args = parseRestoreArgs(argv);
    if (args.help) return say(RESTORE_USAGE);
    say(ARCHIVE_WARNING);
    const spooled = args.input === '-' ? await spoolStdin() : null;
    const path = spooled?.path ?? args.input;
    try {
      // The whole archive is checked before the database is touched.
      const { header, sha256 } = await readArchive(createReadStream(path), {
        header: (h) => assertKnownSchema(h.migrations, 'the archive'),
      });
      say(
        `keygate restore: archive verified (${header.tables.reduce((n, t) => n + t.rows, 0)} rows, KeyGate ${header.keygate_version}, made ${header.created_at})`,
      );
      const target = await openDatabaseTarget(process.env, 'restore');
      try {
        await prepareSchema(target, header, args.force);
        const client = await connectForCopy(target, 'keygate-restore');
        try {
          await restoreDatabase(client, {
            header,
            sha256,
            force: args.force,
            open: () => createReadStream(path),
          });
        } finally {
          await client.end();
        }
        say(`keygate restore: restored into the ${target.description}`);
        if (header.migrations.length < knownMigrations().length) {
          const applied = await runMigrations({ url: target.url, ssl: target.ssl });
          say(`keygate restore: then applied ${applied.length} newer migration(s): ${applied.join(', ')}`);
        }
      } finally {
        await target.close();
      }
    } finally {
      spooled?.remove();
    }
  });
}

/**
 * Brings the schema to exactly the archive's migration. Refuses, before changing anything, a database at a newer
 * schema than the archive's or one that holds KeyGate data without --force.
 */
async function prepareSchema(target: DatabaseTarget, header: ArchiveHeader, force: boolean): Promise<void> {
  const client = await connectForCopy(target, 'keygate-restore');
  let applied: string[];
  try {
    applied = (await appliedMigrations(client)) ?? [];
    assertKnownSchema(applied, 'the database');
    if (applied.length > header.migrations.length) {
      throw new Error(
        `the database schema (${applied.at(-1) ?? ''}) is newer than the archive's (${header.migrations.at(-1) ?? ''}): ` +
          'restore into an empty database; KeyGate migrates it to the archive, loads it, then applies the newer migrations',
      );
    }
    const keygateData = withKeyGateData(await tablesWithRows(client, await listTables(client)));
    if (keygateData.length && !force) throw new RestoreRefusedError(keygateData);
  } finally {
    await client.end();
  }
  if (applied.length < header.migrations.length) {
    const ran = await migrateUpTo(target, header.migrations.length);
    say(`keygate restore: migrated the database to the archive's schema (${ran.length} migration(s))`);
  }
}
