export { createTestDatabase, TestDatabase } from './database/template-database';
export { startTestApp, TestApp, TestAppOptions } from './app/test-app';
export { HttpClient, ApiResponse } from './app/http-client';
export { createTestOrganization, TestOrganization, SignedInUser } from './app/org-fixture';
export { recordSecret, testRunDir } from './canary/secret-registry';
export * from './vendor-sim';
export { spawnKeygate, KeygateProcess, API_ENTRY } from './app/keygate-process';
export { buildApiServer, startApiProcess, type ApiProcess, type ApiProcessOptions } from './app/api-process';
export { EXPECTED_SERVER_ERROR_PREFIX } from './canary/server-error-scanner';
