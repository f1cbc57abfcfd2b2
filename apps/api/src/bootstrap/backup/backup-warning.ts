/** Printed (stderr) by both backup and restore: what the archive is not, and how to keep it. */
export const ARCHIVE_WARNING = [
  'WARNING: a KeyGate backup does NOT contain KEYGATE_MASTER_KEY. The vendor credentials inside are encrypted with it:',
  '  without the same master key (in start mode: the key file in KEYGATE_DATA_DIR/secrets) they cannot be used.',
  '  Keep the master key safe and separately. The archive itself holds sensitive metadata (encrypted vendor',
  '  credentials, password and token hashes, the audit log): store it like a secret.',
].join('\n');
