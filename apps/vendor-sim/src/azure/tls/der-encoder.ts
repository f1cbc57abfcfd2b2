/**
 * The few ASN.1 DER encodings an X.509 certificate needs. node:crypto can sign and parse
 * certificates but cannot build one, and this is all a loopback CA requires.
 */

const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const derSequence = (...items: Buffer[]): Buffer => tlv(TAG.sequence, Buffer.concat(items));
export const derSet = (...items: Buffer[]): Buffer => tlv(TAG.set, Buffer.concat(items));
export const derNull = (): Buffer => tlv(TAG.null, Buffer.alloc(0));
export const derBoolean = (value: boolean): Buffer => tlv(TAG.boolean, Buffer.from([value ? 0xff : 0x00]));
export const derOctetString = (content: Buffer): Buffer => tlv(TAG.octetString, content);
export const derUtf8String = (text: string): Buffer => tlv(TAG.utf8String, Buffer.from(text, 'utf8'));

/** A non-negative integer given as big-endian bytes (a leading zero is added when the top bit is set). */
export function derUnsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  const needsPad = (trimmed[0] ?? 0) >= 0x80;
  return tlv(TAG.integer, needsPad ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export const derSmallInteger = (value: number): Buffer => derUnsignedInteger(Buffer.from([value]));

export function derOid(dotted: string): Buffer {
  const parts = dotted.split('.').map((part) => Number.parseInt(part, 10));
  const [first = 0, second = 0, ...rest] = parts;
  const bytes: number[] = [first * 40 + second];
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f];
    for (let value = Math.floor(part / 128); value > 0; value = Math.floor(value / 128)) {
      chunk.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(bytes));
}

/** A BIT STRING whose content is whole bytes (keys, signatures). */
export const derBitString = (content: Buffer): Buffer =>
  tlv(TAG.bitString, Buffer.concat([Buffer.from([0]), content]));

/** A named-bit BIT STRING (RFC 5280 KeyUsage): bit 0 is the most significant bit of the first byte. */
export function derNamedBits(bits: number[]): Buffer {
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[Math.floor(bit / 8)] |= 0x80 >> (bit % 8);
  const unusedBits = 7 - (highest % 8);
  return tlv(TAG.bitString, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5). */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const year = date.getUTCFullYear();
  return year < 2050
    ? tlv(TAG.utcTime, Buffer.from(`${digits.slice(2)}Z`))
    : tlv(TAG.generalizedTime, Buffer.from(`${digits}Z`));
}

/** `[n] EXPLICIT` wrapper (constructed, context-specific). */
export const derExplicit = (tagNumber: number, content: Buffer): Buffer => tlv(0xa0 | tagNumber, content);

/** `[n] IMPLICIT` primitive value (context-specific). */
export const derImplicitPrimitive = (tagNumber: number, content: Buffer): Buffer =>
  tlv(0x80 | tagNumber, content);
