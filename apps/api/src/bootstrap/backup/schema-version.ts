import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '@api/database/data-source';
import { MIGRATIONS } from '@api/database/migrations';
import { DatabaseTarget } from './database-target';

/** Names of the migrations this build of KeyGate knows, oldest first (as recorded in schema_migrations). */
export function knownMigrations(): string[] {
  return MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);
}

/** Throws unless `applied` is the start of the known migrations: an archive or database from a newer KeyGate, or another app. */
export function assertKnownSchema(applied: string[], what: string): void {
  const known = knownMigrations();
  applied.forEach((name, i) => {
    if (known[i] !== name) {
      const reason = known.includes(name)
        ? 'applied out of order'
        : 'unknown to this KeyGate (it comes from a newer version: upgrade KeyGate first)';
      throw new Error(`${what} has migration ${name}, ${reason}`);
    }
  });
}

/** Applies the known migrations up to (and including) the `count`-th, and no further. */
export async function migrateUpTo(target: DatabaseTarget, count: number): Promise<string[]> {
  const options = {
    ...dataSourceOptions({ url: target.url, ssl: target.ssl, poolMax: 2 }),
    migrations: MIGRATIONS.slice(0, count),
  } as DataSourceOptions;
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
