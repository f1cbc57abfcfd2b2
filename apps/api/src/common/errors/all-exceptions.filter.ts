import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';
import { ErrorBody } from './error-body';
import { describeFrameworkError } from './framework-errors';

/** Turns every thrown value into the one error shape. Unknown errors become a 500 with a logged errorId. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, headers } = this.toBody(exception, String(request.id));
    for (const [name, value] of Object.entries(headers ?? {})) void reply.header(name, value);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown, requestId: string): { body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      return {
        body: this.shape(exception.status, exception.code, exception.message, requestId, exception.details),
        headers: exception.headers,
      };
    }
    const known = describeFrameworkError(exception);
    if (known) return { body: this.shape(known.status, known.code, known.message, requestId, known.details) };
    const errorId = randomUUID();
    this.logger.error({ errorId, requestId, err: exception }, 'Unhandled error');
    return { body: { ...this.shape(500, 'internal_error', `Internal error; quote errorId ${errorId} to your operator`, requestId), errorId } };
  }

  private shape(statusCode: number, code: ErrorCode, message: string, requestId: string, details?: unknown): ErrorBody {
    return details === undefined ? { statusCode, code, message, requestId } : { statusCode, code, message, details, requestId };
  }
}

export { HttpException };
