import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface SecretFinding {
  where: string;
  secretPreview: string;
}

const preview = (s: string): string => `${s.slice(0, 4)}…(${s.length} chars)`;

/** Plain-text search of every log file in a folder. */
export function scanLogs(logDir: string, secrets: string[]): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const file of readdirSync(logDir)) {
    const text = readFileSync(join(logDir, file), 'utf8');
    for (const secret of secrets) if (text.includes(secret)) findings.push({ where: `log ${file}`, secretPreview: preview(secret) });
  }
  return findings;
}

/**
 * A logical dump of every table of every database whose name starts with `prefix`: the same rows pg_dump would write
 * (pg_dump 18 is not packaged here, so the dump is made with COPY), searched for each secret.
 */
export async function scanDatabases(adminUrl: string, prefix: string, secrets: string[]): Promise<SecretFinding[]> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
  await admin.end();
  const findings: SecretFinding[] = [];
  for (const { datname } of rows) {
    const url = new URL(adminUrl);
    url.pathname = `/${datname}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
      for (const { tablename } of tables.rows) {
        const dump = await client.query(`SELECT * FROM ${client.escapeIdentifier(tablename)}`);
        const text = JSON.stringify(dump.rows);
        for (const secret of secrets) {
          if (text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1))) {
            findings.push({ where: `database ${datname} table ${tablename}`, secretPreview: preview(secret) });
          }
        }
      }
    } finally {
      await client.end();
    }
  }
  return findings;
}
