import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/schema';

export type { paths, components, operations } from './generated/schema';
export { ApiError, unwrap, type ApiErrorBody } from './api-error';

export type KeyGateClient = Client<paths>;

export interface KeyGateClientOptions {
  /** Origin of the API, e.g. "http://127.0.0.1:8000"; empty for same-origin (the dashboard). */
  baseUrl?: string;
  /** A fetch that adds credentials; the dashboard passes one that refreshes its access token. */
  fetch?: (request: Request) => Promise<Response>;
}

export function createKeyGateClient(options: KeyGateClientOptions = {}): KeyGateClient {
  return createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    fetch: options.fetch,
    credentials: 'same-origin',
  });
}
export type { ResponseBody, RequestBody, QueryParams } from './path-types';
