import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { CryptoError } from './crypto.errors';
import { Keyring } from './keyring';
import { MasterKey } from './master-key';

describe('MasterKey', () => {
  it('round-trips through base64 with the same id', () => {
    const key = MasterKey.generate();
    const loaded = MasterKey.fromBase64(key.toBase64());
    expect(loaded.id).toBe(key.id);
    expect(loaded.equals(key)).toBe(true);
  });

  it('derives a short hex id that differs between keys', () => {
    const ids = new Set(Array.from({ length: 50 }, () => MasterKey.generate().id));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('accepts url-safe base64 and surrounding whitespace', () => {
    const bytes = randomBytes(32);
    const standard = MasterKey.fromBase64(bytes.toString('base64'));
    expect(MasterKey.fromBase64(` ${bytes.toString('base64url')}\n`).equals(standard)).toBe(true);
  });

  it('uses an explicit key id when one is given', () => {
    expect(MasterKey.fromBase64(randomBytes(32).toString('base64'), 'kek-2026-11').id).toBe('kek-2026-11');
    expect(() => MasterKey.fromBase64(randomBytes(32).toString('base64'), 'bad id!')).toThrow(CryptoError);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['not base64', 'this is not base64 at all'],
    ['empty', ''],
    ['a constant placeholder', Buffer.alloc(32).toString('base64')],
  ])('refuses a key that is %s, naming KEYGATE_MASTER_KEY without echoing it', (_name, value) => {
    let caught: unknown;
    try {
      MasterKey.fromBase64(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CryptoError);
    const error = caught as CryptoError;
    expect(error.code).toBe('invalid_master_key');
    expect(error.message).toContain('KEYGATE_MASTER_KEY');
    if (value.length > 0) expect(error.message).not.toContain(value);
  });

  it('never shows its key material when logged, inspected or serialised', () => {
    const key = MasterKey.generate();
    const secret = key.toBase64();
    for (const rendered of [String(key), inspect(key), JSON.stringify({ key }), inspect({ nested: key })]) {
      expect(rendered).toContain(key.id);
      expect(rendered).not.toContain(secret);
      expect(rendered).not.toContain(secret.slice(0, 12));
    }
  });
});

describe('Keyring', () => {
  it('finds the current and previous keys by id', () => {
    const current = MasterKey.generate();
    const previous = MasterKey.generate();
    const keyring = new Keyring(current, [previous]);
    expect(keyring.find(previous.id)).toBe(previous);
    expect(keyring.find(current.id)).toBe(current);
    expect(keyring.find('00000000')).toBeUndefined();
    expect(keyring.keyIds).toEqual([current.id, previous.id]);
  });

  it('ignores the same key listed twice', () => {
    const key = MasterKey.generate();
    expect(new Keyring(key, [MasterKey.fromBase64(key.toBase64())]).keyIds).toEqual([key.id]);
  });

  it('refuses two different keys that claim the same id', () => {
    const first = MasterKey.fromBase64(randomBytes(32).toString('base64'), 'kek');
    const second = MasterKey.fromBase64(randomBytes(32).toString('base64'), 'kek');
    expect(() => new Keyring(first, [second])).toThrow(/share the id "kek"/);
  });

  it('loads the current and previous keys from their environment values', () => {
    const current = MasterKey.generate();
    const previous = [MasterKey.generate(), MasterKey.generate()];
    const keyring = Keyring.fromBase64(
      current.toBase64(),
      ` ${previous[0].toBase64()} ,${previous[1].toBase64()},`,
    );
    expect(keyring.current.id).toBe(current.id);
    expect(keyring.keyIds).toEqual([current.id, previous[0].id, previous[1].id]);
    expect(Keyring.fromBase64(current.toBase64()).keyIds).toEqual([current.id]);
  });

  it('names the previous-keys variable and the bad entry when an older key is invalid', () => {
    const valid = MasterKey.generate().toBase64();
    expect(() => Keyring.fromBase64(valid, `${valid},${randomBytes(16).toString('base64')}`)).toThrow(
      /^KEYGATE_PREVIOUS_MASTER_KEYS entry 2 decodes to 16 bytes/,
    );
  });
});
