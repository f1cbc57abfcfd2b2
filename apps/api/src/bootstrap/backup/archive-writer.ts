import { createHash, Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, Gzip } from 'node:zlib';
import { ArchiveHeader, END_OF_TABLE } from './archive-format';

/** Writes an archive (see archive-format.ts) as it is produced, never holding the data in memory. */
export class ArchiveWriter {
  private readonly hash: Hash = createHash('sha256');
  private readonly gzip: Gzip = createGzip();
  private readonly flushed: Promise<void>;

  private constructor(
    destination: Writable,
    endDestination: boolean,
    private readonly commit: () => void,
    private readonly discard: () => void,
  ) {
    this.flushed = pipeline(this.gzip, destination, { end: endDestination });
    // Observed by finish() or abort(); this keeps an early failure from being an unhandled rejection meanwhile.
    this.flushed.catch(() => undefined);
  }

  /** `-` writes to stdout; a file is written beside its final name (mode 600) and renamed only when complete. */
  static open(target: string): ArchiveWriter {
    if (target === '-')
      return new ArchiveWriter(
        process.stdout,
        false,
        () => undefined,
        () => undefined,
      );
    const partial = `${target}.partial`;
    const file = createWriteStream(partial, { mode: 0o600 });
    return new ArchiveWriter(
      file,
      true,
      () => renameSync(partial, target),
      () => rmSync(partial, { force: true }),
    );
  }

  async writeHeader(header: ArchiveHeader): Promise<void> {
    await this.write(`${JSON.stringify(header)}\n`);
  }

  /** COPY text output: whole rows, each ending in a newline. */
  async write(chunk: Buffer | string): Promise<void> {
    if (this.gzip.destroyed) {
      await this.flushed;
      throw new Error('the archive output closed early');
    }
    this.hash.update(chunk);
    // `flushed` only settles early by failing (disk full, closed pipe): then that error wins over waiting for drain.
    if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, 'drain'), this.flushed]);
  }

  async endTable(): Promise<void> {
    await this.write(`${END_OF_TABLE}\n`);
  }

  /** Appends the checksum trailer, flushes, and gives the file its final name. */
  async finish(): Promise<string> {
    const sha256 = this.hash.digest('hex');
    this.gzip.end(`${JSON.stringify({ sha256 })}\n`);
    await this.flushed;
    this.commit();
    return sha256;
  }

  /** Leaves no partial file behind. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.flushed.catch(() => undefined);
    this.discard();
  }
}
