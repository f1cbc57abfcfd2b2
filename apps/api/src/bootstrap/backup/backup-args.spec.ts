import { defaultArchiveName, parseBackupArgs, parseRestoreArgs, UsageError } from './backup-args';

const now = new Date('2026-11-23T19:30:05.123Z');

describe('parseBackupArgs', () => {
  it('takes --out FILE, --out=FILE and - for stdout', () => {
    expect(parseBackupArgs(['--out', 'a.gz'], now)).toEqual({ help: false, out: 'a.gz' });
    expect(parseBackupArgs(['--out=b.gz'], now)).toEqual({ help: false, out: 'b.gz' });
    expect(parseBackupArgs(['--out', '-'], now)).toEqual({ help: false, out: '-' });
  });

  it('names the archive after the UTC time when --out is not given', () => {
    expect(parseBackupArgs([], now)).toEqual({ help: false, out: 'keygate-backup-2026-11-23T193005Z.gz' });
    expect(defaultArchiveName(now)).not.toContain(':');
  });

  it('rejects unknown arguments, a missing value and restore-only flags', () => {
    expect(() => parseBackupArgs(['--bogus'], now)).toThrow(UsageError);
    expect(() => parseBackupArgs(['--out'], now)).toThrow('--out needs a value');
    expect(() => parseBackupArgs(['--force'], now)).toThrow(UsageError);
  });

  it('recognises --help', () => {
    expect(parseBackupArgs(['--help'], now)).toEqual({ help: true });
  });
});

describe('parseRestoreArgs', () => {
  it('takes --in FILE and --force', () => {
    expect(parseRestoreArgs(['--in', 'a.gz'])).toEqual({ help: false, input: 'a.gz', force: false });
    expect(parseRestoreArgs(['--force', '--in=-'])).toEqual({ help: false, input: '-', force: true });
  });

  it('requires --in', () => {
    expect(() => parseRestoreArgs(['--force'])).toThrow('--in FILE is required');
  });

  it('rejects a value given to --force and a repeated --in', () => {
    expect(() => parseRestoreArgs(['--in', 'a', '--force=yes'])).toThrow(UsageError);
    expect(() => parseRestoreArgs(['--in', 'a', '--in', 'b'])).toThrow('--in is given twice');
  });
});
