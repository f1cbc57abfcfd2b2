import { rmSync } from 'node:fs';
import { takeTestServer } from './test-server-registry';

export default async function globalTeardown(): Promise<void> {
  const server = takeTestServer();
  if (!server) return;
  await server.stop();
  rmSync(server.dir, { recursive: true, force: true });
}
