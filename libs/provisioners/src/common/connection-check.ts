import { VendorError, type ConnectionCheck } from '../contract';

/**
 * Runs a provisioner's probe and turns a refused credential or an incomplete connection into a failed
 * check; an unavailable vendor stays an error (the connection may be fine).
 */
export async function runConnectionCheck(probe: () => Promise<string>, neededOnRejection: string[]): Promise<ConnectionCheck> {
  try {
    return { ok: true, missingPermissions: [], detail: await probe() };
  } catch (error: unknown) {
    if (error instanceof VendorError && error.kind === 'connection_rejected') {
      return { ok: false, missingPermissions: neededOnRejection, detail: error.message };
    }
    if (error instanceof VendorError && error.kind === 'invalid_request') return { ok: false, missingPermissions: [], detail: error.message };
    throw error;
  }
}
