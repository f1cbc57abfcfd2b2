import { loadConfig } from '@api/config/load-config';
import { runMigrations } from '@api/database/data-source';
import { createLogger } from './logger';

export async function migrateCommand(): Promise<void> {
  const config = loadConfig(process.env, 'migrate');
  const logger = createLogger(config.logLevel);
  const applied = await runMigrations({ url: config.database.url ?? '', ssl: config.database.ssl });
  logger.info({ applied }, applied.length ? `Applied ${applied.length} migration(s)` : 'Database schema is up to date');
}
