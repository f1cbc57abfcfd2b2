import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseConnectionOptions {
  url: string;
  ssl?: boolean | 'require';
  poolMax?: number;
  applicationName?: string;
}

export function dataSourceOptions(options: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    ssl: options.ssl ? { rejectUnauthorized: options.ssl !== 'require' } : undefined,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: options.poolMax ?? 20, application_name: options.applicationName ?? 'keygate' },
  };
}

export function createDataSource(options: DatabaseConnectionOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

const MIGRATION_LOCK_ID = 7_346_001;

/**
 * Applies every pending committed migration. Replicas that start together serialise on an advisory lock,
 * so exactly one of them migrates and the others find nothing left to do.
 */
export async function runMigrations(options: DatabaseConnectionOptions): Promise<string[]> {
  const dataSource = createDataSource({ ...options, poolMax: 3 });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
