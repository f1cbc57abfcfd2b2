import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The archive's lines (uncompressed), the last one being the checksum trailer. */
export function archiveLines(archive: Buffer): string[] {
  return gunzipSync(archive).toString('utf8').split('\n').slice(0, -1);
}

/** Re-packs edited lines; with `reseal` the checksum is recomputed, as a careful forger would. */
export function packArchive(lines: string[], reseal: boolean): Buffer {
  const body = lines.slice(0, -1).map((l) => `${l}\n`).join('');
  const trailer = reseal ? JSON.stringify({ sha256: createHash('sha256').update(body).digest('hex') }) : (lines.at(-1) ?? '');
  return gzipSync(`${body}${trailer}\n`);
}
