import { ConfigError } from '@api/config/env-parsers';
import { backupCommand } from './backup/backup-command';
import { restoreCommand } from './backup/restore-command';
import { migrateCommand } from './migrate-command';
import { serveCommand } from './serve-command';

const USAGE = `Usage: keygate-api <command>
  start     all-in-one: embedded PostgreSQL (unless DATABASE_URL), migrations, sandbox vendors, API and dashboard
  serve     production server: needs DATABASE_URL, KEYGATE_MASTER_KEY and JWT_SECRET; does not migrate
  migrate   apply committed database migrations, then exit
  backup    write a consistent archive of the database: backup [--out FILE|-] (the master key is NOT inside)
  restore   load an archive, all or nothing: restore --in FILE|- [--force] (--force replaces existing data)`;

export async function runCommand(argv: string[]): Promise<void> {
  const [command = 'serve'] = argv;
  try {
    switch (command) {
      case 'start':
      case 'serve':
        await serveCommand(command);
        return;
      case 'migrate':
        await migrateCommand();
        return;
      case 'backup':
        await backupCommand(argv.slice(1));
        return;
      case 'restore':
        await restoreCommand(argv.slice(1));
        return;
      default:
        process.stderr.write(`${USAGE}\n`);
        process.exit(2);
    }
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`KeyGate failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
