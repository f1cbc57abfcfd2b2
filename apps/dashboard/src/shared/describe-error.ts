import { ApiError } from '@keygate/api-client';

export interface DescribedError {
  title: string;
  message: string;
  requestId?: string;
}

function titleFor(error: ApiError): string {
  if (error.status === 0 || error.code === 'network_error') return 'Cannot reach the KeyGate API';
  if (error.status >= 500) return 'The server could not complete the request';
  switch (error.status) {
    case 403:
      return 'Not allowed';
    case 404:
      return 'Not found';
    case 409:
      return 'Conflict';
    case 429:
      return 'Too many requests';
    default:
      return 'The request was rejected';
  }
}

/** Says what happened in words a person can act on; never echoes request bodies. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof ApiError)
    return { title: titleFor(error), message: error.message, requestId: error.requestId };
  if (error instanceof TypeError) {
    return { title: 'Cannot reach the KeyGate API', message: 'Check your connection and try again.' };
  }
  return { title: 'Something went wrong', message: error instanceof Error ? error.message : String(error) };
}
