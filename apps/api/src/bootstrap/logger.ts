import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';

/** Paths pino removes from every log line: credentials, passwords and tokens never reach the log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.admin_api_key',
  '*.api_key',
  '*.access_token',
  '*.refresh_token',
  '*.secret',
  '*.adminCredential',
  'err.config',
  'err.request',
  'err.response',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
    level,
    base: { service: 'keygate' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/** Routes Nest's own log calls into the same pino logger, as JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: unknown, extra?: unknown): void {
    const ctx = typeof context === 'string' ? context : undefined;
    if (message && typeof message === 'object') this.logger[level]({ context: ctx, ...message }, ctx ?? '');
    else this.logger[level]({ context: ctx, ...(extra ? { detail: extra } : {}) }, String(message));
  }

  log(message: unknown, context?: unknown): void {
    this.write('info', message, context);
  }
  error(message: unknown, traceOrContext?: unknown, context?: unknown): void {
    this.write('error', message, context ?? traceOrContext);
  }
  warn(message: unknown, context?: unknown): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: unknown): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: unknown): void {
    this.write('trace', message, context);
  }
}
