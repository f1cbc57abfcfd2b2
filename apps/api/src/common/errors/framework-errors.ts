import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ErrorCode } from './error-codes';

interface Described {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

interface FastifyLikeError {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
}

/** Maps the errors Fastify and Nest raise before our code runs (parsing, routing, limits) to stable codes. */
export function describeFrameworkError(exception: unknown): Described | null {
  // Nest wraps Fastify's parser errors in an HttpException whose cause keeps Fastify's code.
  const cause = (exception as { cause?: unknown })?.cause;
  if (exception instanceof HttpException && cause && typeof (cause as FastifyLikeError).code === 'string') {
    const described = describeFrameworkError(cause);
    if (described) return described;
  }
  const err = exception as FastifyLikeError;
  switch (err?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', message: 'Request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send JSON with Content-Type: application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'malformed_json', message: 'Request body is not valid JSON' };
  }
  // By name, not instanceof: the JSON parser's SyntaxError may come from another realm.
  if (err?.name === 'SyntaxError') {
    return { status: 400, code: 'malformed_json', message: 'Request body is not valid JSON' };
  }
  if (exception instanceof PayloadTooLargeException) return { status: 413, code: 'payload_too_large', message: 'Request body is too large' };
  if (exception instanceof NotFoundException) return { status: 404, code: 'route_not_found', message: 'No such route' };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 429) return { status, code: 'too_many_requests', message: 'Too many requests; slow down' };
    if (status === 401) return { status, code: 'unauthenticated', message: 'Sign in first: send a valid bearer token' };
    if (status === 403) return { status, code: 'forbidden', message: 'Your role does not allow this' };
    if (status >= 400 && status < 500) return { status, code: 'bad_request', message: exception.message };
  }
  if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode, code: err.statusCode === 429 ? 'too_many_requests' : 'bad_request', message: err.message ?? 'Bad request' };
  }
  return null;
}
