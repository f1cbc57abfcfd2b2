import type { FastifyReply, FastifyRequest } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import type { AccountAddress } from '@sim/azure/arm/arm-resource-ids';
import { type AsyncOperation, operationPath } from '@sim/azure/arm/async-operations';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';

/** ARM pages are small on purpose, so clients that ignore `nextLink` lose resources in tests. */
export const ARM_PAGE_SIZE = 5;
/** Seconds ARM asks pollers to wait between status reads. */
const POLL_RETRY_AFTER_SECONDS = '1';

export interface AccountParams {
  subscriptionId: string;
  resourceGroup: string;
  accountName: string;
}

export function originOf(request: FastifyRequest): string {
  return `https://${request.host}`;
}

export function apiVersionOf(request: FastifyRequest): string {
  return queryValue(asVendorQuery(request.query), 'api-version') ?? '';
}

export function addressOf(params: AccountParams): AccountAddress {
  return {
    subscriptionId: params.subscriptionId,
    resourceGroup: params.resourceGroup,
    name: params.accountName,
  };
}

/** A JSON object body, or ARM's 400 for anything else. */
export function objectBody(request: FastifyRequest): Record<string, unknown> {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw armError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized.',
    );
  }
  return body as Record<string, unknown>;
}

export function objectField(
  source: Record<string, unknown>,
  name: string,
): Record<string, unknown> | undefined {
  const value = source[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function stringField(source: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = source?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function tagsField(source: Record<string, unknown>): Record<string, string> | undefined {
  const tags = objectField(source, 'tags');
  if (tags === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(tags).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** One page of an ARM list, with an absolute https `nextLink` back to the same route. */
export function pageOf<T>(request: FastifyRequest, items: T[]): { value: T[]; nextLink?: string } {
  const skip = Number.parseInt(queryValue(asVendorQuery(request.query), '$skiptoken') ?? '0', 10);
  const start = Number.isInteger(skip) && skip > 0 ? skip : 0;
  const value = items.slice(start, start + ARM_PAGE_SIZE);
  if (start + ARM_PAGE_SIZE >= items.length) return { value };
  const path = request.url.split('?')[0] ?? '';
  const query = new URLSearchParams({
    'api-version': apiVersionOf(request),
    $skiptoken: String(start + ARM_PAGE_SIZE),
  });
  return { value, nextLink: `${originOf(request)}${path}?${query.toString()}` };
}

/** Answers a long-running operation's first response, pointing the poller at its status document. */
export function replyAccepted(
  request: FastifyRequest,
  reply: FastifyReply,
  operation: AsyncOperation,
  status: 201 | 202,
  body?: unknown,
): FastifyReply {
  const statusUrl = `${originOf(request)}${operationPath(operation)}?api-version=${encodeURIComponent(apiVersionOf(request))}`;
  void reply
    .code(status)
    .headers({ 'azure-asyncoperation': statusUrl, 'retry-after': POLL_RETRY_AFTER_SECONDS });
  if (status === 202) void reply.header('location', statusUrl);
  return body === undefined ? reply.send() : reply.send(body);
}
