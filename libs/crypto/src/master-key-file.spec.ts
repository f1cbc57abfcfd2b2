// Touches only a private temporary directory: fast and hermetic, so it stays in the unit tier.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKey } from './master-key';
import { loadOrCreateMasterKeyFile } from './master-key-file';

describe('loadOrCreateMasterKeyFile', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'keygate-crypto-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates master.key with mode 0600 inside a new 0700 directory', () => {
    const dir = join(root, 'data', 'keys');
    const { key, created } = loadOrCreateMasterKeyFile(dir);
    expect(created).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'master.key'), 'utf8').trim()).toBe(key.toBase64());
  });

  it('returns the same key on the next start without creating a new one', () => {
    const first = loadOrCreateMasterKeyFile(root);
    const second = loadOrCreateMasterKeyFile(root);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('leaves no temporary files behind', () => {
    loadOrCreateMasterKeyFile(root);
    loadOrCreateMasterKeyFile(root);
    expect(readdirSync(root)).toEqual(['master.key']);
  });

  it('refuses a key file that other users can read', () => {
    loadOrCreateMasterKeyFile(root);
    chmodSync(join(root, 'master.key'), 0o644);
    expect(() => loadOrCreateMasterKeyFile(root)).toThrow(/chmod 600/);
  });

  it('refuses a corrupt key file instead of replacing it, without echoing its content', () => {
    writeFileSync(join(root, 'master.key'), 'c2hvcnQta2V5\n', { mode: 0o600 });
    expect(() => loadOrCreateMasterKeyFile(root)).toThrow(/master\.key decodes to 9 bytes/);
    expect(() => loadOrCreateMasterKeyFile(root)).not.toThrow(/c2hvcnQta2V5/);
    expect(readFileSync(join(root, 'master.key'), 'utf8')).toBe('c2hvcnQta2V5\n');
  });

  it('reads a key file written by an operator', () => {
    const key = MasterKey.generate();
    writeFileSync(join(root, 'master.key'), key.toBase64(), { mode: 0o600 });
    expect(loadOrCreateMasterKeyFile(root).key.id).toBe(key.id);
  });
});
