const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines, each returned with its trailing newline so the exact bytes can be hashed.
 * A last line without a newline is returned as it is (the reader treats it as a truncated archive).
 */
export async function* splitLines(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
      yield data.subarray(start, end + 1);
      start = end + 1;
    }
    rest = data.subarray(start);
  }
  if (rest.length) yield rest;
}

/** The text of a line without its newline. */
export function lineText(line: Buffer): string {
  const end = line.length && line[line.length - 1] === NEWLINE ? line.length - 1 : line.length;
  return line.toString('utf8', 0, end);
}
