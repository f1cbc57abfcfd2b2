import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { SessionLivenessCache } from './session-liveness.cache';

const CHANNEL = 'keygate_auth_changed';
const PROBE_TIMEOUT_MS = 2000;
const RECONNECT_MS = 5000;

/**
 * Listens for the session and user changes the database announces (migration SessionChangeNotify) and
 * drops what the cache holds about them. The cache is switched on only after a probe notification made a
 * round trip (a pooler in transaction mode would swallow LISTEN silently) and off whenever the listening
 * connection is lost, so a change can never go unheard while the cache is trusted.
 */
@Injectable()
export class SessionChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionChangeListener');
  private client: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private pendingProbe: { id: string; heard: () => void } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: SessionLivenessCache,
  ) {}

  /** Not awaited: start-up never waits for the probe; until it succeeds every request asks the database. */
  onApplicationBootstrap(): void {
    if (this.cache.ttlSeconds > 0) void this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.cache.setEnabled(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const options = this.dataSource.options as PostgresDataSourceOptions;
    // The same server and TLS verification as the pool (dataSourceOptions only ever sets rejectUnauthorized).
    const ssl = typeof options.ssl === 'object' ? { rejectUnauthorized: options.ssl.rejectUnauthorized !== false } : options.ssl;
    const client = new Client({ connectionString: options.url, ssl, application_name: 'keygate-session-listener' });
    client.on('notification', (message) => this.onChange(message.payload ?? ''));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      const heard = await this.probe();
      if (this.stopped) return;
      if (heard) {
        this.cache.setEnabled(true);
        this.logger.log(`Listening for session changes; verified sessions are cached for up to ${this.cache.ttlSeconds} s`);
      } else this.logger.warn(`No notification came back on ${CHANNEL}; sessions are checked in the database on every request`);
    } catch (error: unknown) {
      this.logger.warn(`Cannot listen for session changes (${error instanceof Error ? error.message : 'unknown error'}); sessions are checked in the database on every request`);
      this.lost(client);
    }
  }

  private async probe(): Promise<boolean> {
    const id = randomUUID();
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      this.pendingProbe = { id, heard: () => (clearTimeout(timer), resolve(true)) };
    });
    await this.dataSource.query(`SELECT pg_notify($1, $2)`, [CHANNEL, `probe:${id}`]);
    const result = await heard;
    this.pendingProbe = null;
    return result;
  }

  private onChange(payload: string): void {
    const [kind, id] = payload.split(':', 2);
    if (kind === 'session' && id) this.cache.forgetSession(id);
    else if (kind === 'user' && id) this.cache.forgetUser(id);
    else if (kind === 'probe' && id === this.pendingProbe?.id) this.pendingProbe.heard();
  }

  private lost(client: Client): void {
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.client !== null && this.client !== client) return; // a connection already replaced
    this.client = null;
    this.cache.setEnabled(false);
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) void this.connect();
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }
}
