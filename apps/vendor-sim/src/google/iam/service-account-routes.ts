import type { FastifyInstance } from 'fastify';
import { authorize, type Permission } from '@sim/google/auth/permissions';
import { googleError, quotaExhausted } from '@sim/google/google-errors';
import type { IamContext } from '@sim/google/iam/iam-context';
import {
  type AccountParams,
  accountView,
  checkProject,
  jsonObject,
  requireAccount,
  splitVerb,
} from '@sim/google/iam/iam-resources';
import { createServiceAccount } from '@sim/google/iam/service-account-factory';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';

const ACCOUNT_ID = /^[a-z]([-a-z0-9]*[a-z0-9])$/;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
/** Google's default quota, counting every account of the project (the admin one included). */
const MAX_ACCOUNTS_PER_PROJECT = 100;

const ACCOUNTS_PATH = '/v1/projects/:project/serviceAccounts';
const ACCOUNT_PATH = `${ACCOUNTS_PATH}/:account`;

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function pageToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function offsetOf(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw googleError(400, 'INVALID_ARGUMENT', 'Invalid page token.');
  return Number.parseInt(match[1] ?? '0', 10);
}

export function registerServiceAccountRoutes(app: FastifyInstance, ctx: IamContext): void {
  const { world } = ctx;

  app.post<{ Params: { project: string } }>(ACCOUNTS_PATH, (request) => {
    const resource = `projects/${request.params.project}`;
    authorize(world, request, 'iam.serviceAccounts.create', resource);
    checkProject(world, request.params.project, 'iam.serviceAccounts.create', resource);
    const body = jsonObject(request.body);
    const accountId = stringOf(body.accountId);
    if (accountId.length < 6 || accountId.length > 30 || !ACCOUNT_ID.test(accountId)) {
      throw googleError(
        400,
        'INVALID_ARGUMENT',
        `Invalid account ID '${accountId}'. It must be 6 to 30 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.`,
      );
    }
    const details = jsonObject(body.serviceAccount);
    const displayName = stringOf(details.displayName);
    if (displayName.length > 100)
      throw googleError(400, 'INVALID_ARGUMENT', 'The display name must be at most 100 characters.');
    if (world.findServiceAccount(`${accountId}@${world.projectId}.iam.gserviceaccount.com`) !== undefined) {
      throw googleError(
        409,
        'ALREADY_EXISTS',
        `Service account ${accountId} already exists within project projects/${world.projectId}.`,
        [
          {
            '@type': 'type.googleapis.com/google.rpc.ResourceInfo',
            resourceName: `projects/${world.projectId}/serviceAccounts/${accountId}@${world.projectId}.iam.gserviceaccount.com`,
          },
        ],
      );
    }
    if (world.serviceAccounts.size >= MAX_ACCOUNTS_PER_PROJECT) {
      throw quotaExhausted('Maximum number of service accounts on project reached.');
    }
    return accountView(createServiceAccount(ctx, accountId, displayName, stringOf(details.description)));
  });

  app.get<{ Params: { project: string } }>(ACCOUNTS_PATH, (request) => {
    const resource = `projects/${request.params.project}`;
    authorize(world, request, 'iam.serviceAccounts.list', resource);
    checkProject(world, request.params.project, 'iam.serviceAccounts.list', resource);
    const query = asVendorQuery(request.query);
    const requested = Number.parseInt(queryValue(query, 'pageSize') ?? '', 10);
    const pageSize =
      Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    const offset = offsetOf(queryValue(query, 'pageToken'));
    const all = [...world.serviceAccounts.values()].sort((a, b) => a.email.localeCompare(b.email));
    const page = all.slice(offset, offset + pageSize);
    return {
      ...(page.length === 0 ? {} : { accounts: page.map(accountView) }),
      ...(offset + pageSize < all.length ? { nextPageToken: pageToken(offset + pageSize) } : {}),
    };
  });

  app.get<{ Params: AccountParams }>(ACCOUNT_PATH, (request) => {
    const resource = `projects/${request.params.project}/serviceAccounts/${request.params.account}`;
    authorize(world, request, 'iam.serviceAccounts.get', resource);
    return accountView(
      requireAccount(world, request.params, 'iam.serviceAccounts.get', request.params.account),
    );
  });

  app.delete<{ Params: AccountParams }>(ACCOUNT_PATH, (request) => {
    const resource = `projects/${request.params.project}/serviceAccounts/${request.params.account}`;
    authorize(world, request, 'iam.serviceAccounts.delete', resource);
    world.removeServiceAccount(
      requireAccount(world, request.params, 'iam.serviceAccounts.delete', request.params.account),
    );
    return {};
  });

  app.post<{ Params: AccountParams }>(ACCOUNT_PATH, (request) => {
    const { id, verb } = splitVerb(request.params.account);
    if (verb !== 'disable' && verb !== 'enable') {
      throw googleError(404, 'NOT_FOUND', `Method not found: ${request.params.account}`);
    }
    const permission: Permission =
      verb === 'disable' ? 'iam.serviceAccounts.disable' : 'iam.serviceAccounts.enable';
    authorize(world, request, permission, `projects/${request.params.project}/serviceAccounts/${id}`);
    requireAccount(world, request.params, permission, id).disabled = verb === 'disable';
    return {};
  });
}
