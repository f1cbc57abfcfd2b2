import { packageVersion } from '@api/config/repo-root';
import { BACKUP_USAGE, parseBackupArgs } from './backup-args';
import { ARCHIVE_WARNING } from './backup-warning';
import { ArchiveWriter } from './archive-writer';
import { connectForCopy, openDatabaseTarget } from './database-target';
import { dumpDatabase } from './dump-database';
import { runTool, say } from './run-tool';

/** `keygate backup [--out FILE|-]` */
export function backupCommand(argv: string[]): Promise<never> {
  return runTool('backup', BACKUP_USAGE, async () => {
    const args = parseBackupArgs(argv, new Date());
    if (args.help) return say(BACKUP_USAGE);
    say(ARCHIVE_WARNING);
    const target = await openDatabaseTarget(process.env, 'backup');
    try {
      const client = await connectForCopy(target, 'keygate-backup');
      const writer = ArchiveWriter.open(args.out);
      try {
        const header = await dumpDatabase(client, writer, packageVersion());
        const sha256 = await writer.finish();
        const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
        say(
          `keygate backup: ${rows} rows from ${header.tables.length} tables of the ${target.description} (schema ${header.migrations.at(-1) ?? '?'})`,
        );
        say(`keygate backup: wrote ${args.out === '-' ? 'stdout' : args.out} (sha256 ${sha256})`);
      } catch (error) {
        await writer.abort();
        throw error;
      } finally {
        await client.end();
      }
    } finally {
      await target.close();
    }
  });
}
