import { ApiError } from '@keygate/api-client';

export interface DescribedError {
  title: string;
  message: string;
  requestId?: string;
}

/** Says what happened in words a person can act on; never echoes request bodies. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof ApiError) {
    const title =
      error.status === 0 || error.code === 'network_error'
        ? 'Cannot reach the KeyGate API'
        : error.status === 403
          ? 'Not allowed'
          : error.status === 404
            ? 'Not found'
            : error.status === 409
              ? 'Conflict'
              : error.status === 429
                ? 'Too many requests'
                : error.status >= 500
                  ? 'The server could not complete the request'
                  : 'The request was rejected';
    return { title, message: error.message, requestId: error.requestId };
  }
  if (error instanceof TypeError) {
    return { title: 'Cannot reach the KeyGate API', message: 'Check your connection and try again.' };
  }
  return { title: 'Something went wrong', message: error instanceof Error ? error.message : String(error) };
}
