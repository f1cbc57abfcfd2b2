import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@keygate/testing';

describe('database migrations', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('creates every table of the foundation', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['organizations', 'users', 'developers', 'vendor_connections', 'audit_events', 'schema_migrations']),
    );
  });
});
