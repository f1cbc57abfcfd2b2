import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { ArchiveError, ArchiveHeader } from './archive-format';
import { readArchive } from './archive-reader';

const header: ArchiveHeader = {
  format: 'keygate-backup',
  format_version: 1,
  keygate_version: '0.1.0',
  created_at: '2026-11-23T19:00:00.000Z',
  migrations: ['Foundation1763900000000'],
  tables: [
    { name: 'organizations', columns: ['id', 'name'], rows: 2 },
    { name: 'developers', columns: ['id'], rows: 0 },
  ],
  sequences: [],
};
const rows = ['o1\tAcme\n', 'o2\tTab\\there\n'];

function body(
  lines: string[] = [JSON.stringify(header), ...rows.map((r) => r.slice(0, -1)), '\\.', '\\.'],
): string {
  return lines.map((l) => `${l}\n`).join('');
}

function archive(content: string, sha256 = createHash('sha256').update(content).digest('hex')): Readable {
  return Readable.from([gzipSync(`${content}${JSON.stringify({ sha256 })}\n`)]);
}

describe('readArchive', () => {
  it('hands each table exactly its rows, byte for byte, and returns the verified checksum', async () => {
    const seen: Record<string, string[]> = {};
    const summary = await readArchive(archive(body()), {
      async table(table, lines) {
        seen[table.name] = [];
        for await (const line of lines) seen[table.name]?.push(line.toString('utf8'));
      },
    });
    expect(seen).toEqual({ organizations: rows, developers: [] });
    expect(summary.header).toEqual(header);
    expect(summary.sha256).toBe(createHash('sha256').update(body()).digest('hex'));
  });

  it('skips the rows a visitor does not read and still checks the whole archive', async () => {
    await expect(readArchive(archive(body()), { table: () => Promise.resolve() })).resolves.toMatchObject({
      header,
    });
    await expect(
      readArchive(archive(body(), '0'.repeat(64)), { table: () => Promise.resolve() }),
    ).rejects.toThrow('checksum mismatch');
  });

  it('refuses an archive whose content does not match its checksum', async () => {
    const edited = body().replace('Acme', 'Evil');
    await expect(
      readArchive(archive(edited, createHash('sha256').update(body()).digest('hex'))),
    ).rejects.toThrow(ArchiveError);
  });

  it('refuses a table with fewer or more rows than the header says', async () => {
    await expect(
      readArchive(archive(body([JSON.stringify(header), 'o1\tAcme', '\\.', '\\.']))),
    ).rejects.toThrow('fewer rows');
    await expect(
      readArchive(
        archive(body([JSON.stringify(header), ...rows.map((r) => r.slice(0, -1)), 'o3\tMore', '\\.', '\\.'])),
      ),
    ).rejects.toThrow('more rows');
  });

  it('refuses a truncated archive, a missing trailer and data after the trailer', async () => {
    const full = gzipSync(
      `${body()}${JSON.stringify({ sha256: createHash('sha256').update(body()).digest('hex') })}\n`,
    );
    await expect(readArchive(Readable.from([full.subarray(0, full.length - 12)]))).rejects.toThrow(
      'corrupt or truncated',
    );
    await expect(readArchive(Readable.from([gzipSync(body())]))).rejects.toThrow('checksum trailer missing');
    await expect(
      readArchive(Readable.from([gzipSync(`${body()}{"sha256":"${'0'.repeat(64)}"}\nextra\n`)])),
    ).rejects.toThrow('data after its checksum trailer');
  });

  it('refuses what is not a KeyGate archive, and archive formats it does not know', async () => {
    await expect(readArchive(Readable.from([Buffer.from('plain text, not gzip')]))).rejects.toThrow(
      'not a valid gzip file',
    );
    await expect(readArchive(archive('{"hello":"world"}\n'))).rejects.toThrow('not a KeyGate backup archive');
    await expect(
      readArchive(archive(`${JSON.stringify({ ...header, format_version: 2 })}\n`)),
    ).rejects.toThrow('format version 2 is not supported');
    await expect(readArchive(archive(`${JSON.stringify({ ...header, tables: 'all' })}\n`))).rejects.toThrow(
      'header is malformed',
    );
  });

  it('stops before any row when the header visitor refuses the archive', async () => {
    const table = jest.fn(() => Promise.resolve());
    const refuse = () => {
      throw new ArchiveError('from a newer KeyGate');
    };
    await expect(readArchive(archive(body()), { header: refuse, table })).rejects.toThrow(
      'from a newer KeyGate',
    );
    expect(table).not.toHaveBeenCalled();
  });
});
