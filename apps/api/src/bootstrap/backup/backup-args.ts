/** The command line is wrong: the command prints its usage and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const BACKUP_USAGE = `Usage: keygate backup [--out FILE|-]
  Writes a consistent archive of the KeyGate database (DATABASE_URL, or the embedded one in KEYGATE_DATA_DIR).
  --out FILE   where to write it (default keygate-backup-<UTC time>.gz in the current folder); - for stdout`;

export const RESTORE_USAGE = `Usage: keygate restore --in FILE|- [--force]
  Loads an archive made by keygate backup into the KeyGate database, all or nothing.
  --in FILE    the archive to restore; - for stdin
  --force      replace the data of a database that already holds KeyGate data`;

export interface BackupArgs {
  out: string;
}

export interface RestoreArgs {
  input: string;
  force: boolean;
}

export type Parsed<T> = { help: true } | ({ help: false } & T);

export function parseBackupArgs(argv: string[], now: Date): Parsed<BackupArgs> {
  const options = readOptions(argv, ['--out'], []);
  if (options.help) return { help: true };
  return { help: false, out: options.values.get('--out') ?? defaultArchiveName(now) };
}

export function parseRestoreArgs(argv: string[]): Parsed<RestoreArgs> {
  const options = readOptions(argv, ['--in'], ['--force']);
  if (options.help) return { help: true };
  const input = options.values.get('--in');
  if (input === undefined) throw new UsageError('--in FILE is required (- reads the archive from stdin)');
  return { help: false, input, force: options.flags.has('--force') };
}

export function defaultArchiveName(now: Date): string {
  return `keygate-backup-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '')}.gz`;
}

interface Options {
  help: boolean;
  values: Map<string, string>;
  flags: Set<string>;
}

function readOptions(argv: string[], valued: string[], flags: string[]): Options {
  const result: Options = { help: false, values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name = '', inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg];
    if (name === '--help' || name === '-h') result.help = true;
    else if (flags.includes(name) && inline === undefined) result.flags.add(name);
    else if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (result.values.has(name)) throw new UsageError(`${name} is given twice`);
      result.values.set(name, value);
    } else throw new UsageError(`unknown argument: ${arg}`);
  }
  return result;
}
