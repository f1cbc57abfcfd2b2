import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { BaseVendorProvisioner } from '@keygate/provisioners';
import { createHttpApp } from '@api/bootstrap/create-http-app';
import { createLogger } from '@api/bootstrap/logger';
import { resolveRuntimeSecrets } from '@api/bootstrap/runtime-secrets';
import { loadConfig } from '@api/config/load-config';
import { AppConfig } from '@api/config/app-config';
import { createTestDatabase, TestDatabase } from '../database/template-database';
import { testRunDir } from '../canary/secret-registry';
import { HttpClient } from './http-client';

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  url: string;
  db: TestDatabase;
  config: AppConfig;
  dataSource: DataSource;
  masterKey: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  database?: TestDatabase;
  /** Custom vendors passed through the Nest module options, as an embedding server would. */
  customVendors?: readonly BaseVendorProvisioner[];
}

/** Passport keeps one global `jwt` strategy per process: apps started in one test process share the JWT secret. */
const PROCESS_JWT_SECRET = randomBytes(32).toString('base64url');

/**
 * A real KeyGate API (serve mode) on its own migrated database, listening on a loopback port, logging JSON to the run
 * folder. Several apps in one test process must share a database to validate each other's sessions (the last
 * started app's strategy answers for all of them).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  const masterKey = options.env?.KEYGATE_MASTER_KEY ?? randomBytes(32).toString('base64');
  const env = {
    DATABASE_URL: db.url,
    KEYGATE_MASTER_KEY: masterKey,
    JWT_SECRET: PROCESS_JWT_SECRET,
    LOG_LEVEL: 'info',
    SECURE_COOKIES: 'false',
    LOGIN_RATE_PER_MINUTE: '1000',
    KEYGATE_DATA_DIR: join(testRunDir(), 'data', db.name),
    ...options.env,
  };
  const config = loadConfig(env, 'serve');
  const logFile = join(testRunDir(), 'logs', `${db.name}-${randomBytes(3).toString('hex')}.log`);
  const logger = createLogger(config.logLevel, createWriteStream(logFile));
  const secrets = resolveRuntimeSecrets(config, (message) => logger.warn(message));
  const app = await createHttpApp({ config, secrets, databaseUrl: db.url, ...(options.customVendors ? { customVendors: options.customVendors } : {}) }, logger);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    http: new HttpClient(url),
    url,
    db,
    config,
    dataSource: app.get(DataSource),
    masterKey,
    close: () => app.close(),
  };
}
