/** Jest runs globalSetup and globalTeardown in the same process; this hands the server from one to the other. */
interface TestServer {
  dir: string;
  adminUrl: string;
  stop(): Promise<void>;
}

const registry = globalThis as typeof globalThis & { __keygateTestServer?: TestServer };

export function setTestServer(server: TestServer): void {
  registry.__keygateTestServer = server;
}

export function takeTestServer(): TestServer | undefined {
  const server = registry.__keygateTestServer;
  delete registry.__keygateTestServer;
  return server;
}
