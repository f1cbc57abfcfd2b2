import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import type { ArmContext } from '@sim/azure/arm/arm-context';
import {
  type AccountParams,
  addressOf,
  objectBody,
  objectField,
  originOf,
  pageOf,
  replyAccepted,
  stringField,
  tagsField,
} from '@sim/azure/arm/arm-request';
import {
  accountKey,
  type AccountAddress,
  accountResourceId,
  PROVIDER,
} from '@sim/azure/arm/arm-resource-ids';
import { accountView } from '@sim/azure/arm/arm-views';
import type { CognitiveAccount } from '@sim/azure/arm/cognitive-account';
import { randomBase62 } from '@sim/common/request-id';

export const ACCOUNTS_PATH = `/subscriptions/:subscriptionId/resourceGroups/:resourceGroup/providers/${PROVIDER}/accounts`;
export const ACCOUNT_PATH = `${ACCOUNTS_PATH}/:accountName`;

const ACCOUNT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/;
const SUBDOMAIN = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

export const newAccountKey = (): string => randomBase62(84);
export const newEtag = (): string => `"${randomUUID()}"`;

function applyMutableProperties(account: CognitiveAccount, body: Record<string, unknown>): void {
  const properties = objectField(body, 'properties') ?? {};
  const tags = tagsField(body);
  if (tags !== undefined) account.tags = tags;
  const skuName = stringField(objectField(body, 'sku'), 'name');
  if (skuName !== undefined) account.skuName = skuName;
  if (typeof properties.disableLocalAuth === 'boolean')
    account.disableLocalAuth = properties.disableLocalAuth;
  const publicNetworkAccess = stringField(properties, 'publicNetworkAccess');
  if (publicNetworkAccess !== undefined) account.publicNetworkAccess = publicNetworkAccess;
  if (properties.networkAcls !== undefined) account.networkAcls = properties.networkAcls;
}

function checkSubdomain(ctx: ArmContext, address: AccountAddress, subdomain: string | undefined): void {
  if (subdomain === undefined) return;
  if (!SUBDOMAIN.test(subdomain)) {
    throw armError(400, 'InvalidCustomSubDomainName', `The custom subdomain name '${subdomain}' is invalid.`);
  }
  const holder = ctx.world.subdomainHolder(subdomain);
  if (holder !== undefined && accountKey(holder.address) !== accountKey(address)) {
    throw armError(
      409,
      'CustomDomainInUse',
      `Please pick a different name. The subdomain name '${subdomain}' is not available as it's already used by a resource. If the resource using the name was deleted in the last 48 hours, you may need to purge the deleted resource.`,
    );
  }
}

function newAccount(
  ctx: ArmContext,
  address: AccountAddress,
  body: Record<string, unknown>,
): CognitiveAccount {
  const location = stringField(body, 'location');
  if (location === undefined)
    throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
  const kind = stringField(body, 'kind');
  if (kind === undefined)
    throw armError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: the 'kind' property is required.",
    );
  const skuName = stringField(objectField(body, 'sku'), 'name');
  if (skuName === undefined)
    throw armError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: the 'sku' property is required.",
    );
  const subdomain = stringField(objectField(body, 'properties'), 'customSubDomainName');
  checkSubdomain(ctx, address, subdomain);
  const now = ctx.world.clock.now().toISOString();
  const account: CognitiveAccount = {
    address,
    location: location.toLowerCase().replace(/\s+/g, ''),
    kind,
    skuName,
    tags: {},
    customSubDomainName: subdomain ?? null,
    disableLocalAuth: false,
    publicNetworkAccess: 'Enabled',
    networkAcls: undefined,
    provisioningState: 'Creating',
    etag: newEtag(),
    internalId: randomBytes(16).toString('hex'),
    createdAt: now,
    modifiedAt: now,
    createdBy: ctx.clientId,
    keys: { key1: newAccountKey(), key2: newAccountKey() },
    deployments: new Map(),
  };
  applyMutableProperties(account, body);
  return account;
}

export function registerAccountRoutes(app: FastifyInstance, ctx: ArmContext): void {
  const { world } = ctx;

  app.put<{ Params: AccountParams }>(ACCOUNT_PATH, (request, reply) => {
    const address = addressOf(request.params);
    if (!ACCOUNT_NAME.test(address.name)) {
      throw armError(400, 'InvalidResourceName', `Resource name '${address.name}' is invalid.`);
    }
    const body = objectBody(request);
    const existing = world.findAccount(address);
    if (existing?.provisioningState === 'Deleting') {
      throw armError(
        409,
        'Conflict',
        `The account '${address.name}' is being deleted; retry after the deletion completes.`,
      );
    }
    if (existing !== undefined) {
      const subdomain = stringField(objectField(body, 'properties'), 'customSubDomainName');
      if (
        subdomain !== undefined &&
        subdomain.toLowerCase() !== existing.customSubDomainName?.toLowerCase()
      ) {
        throw armError(
          400,
          'CustomSubDomainNameImmutable',
          'The custom subdomain name of an account cannot be changed.',
        );
      }
      applyMutableProperties(existing, body);
      existing.etag = newEtag();
      existing.modifiedAt = world.clock.now().toISOString();
      return reply.code(200).send(accountView(existing, originOf(request)));
    }
    const restoring = objectField(body, 'properties')?.restore === true;
    const deleted = world.findDeleted(address);
    if (deleted !== undefined && !restoring) {
      throw armError(
        409,
        'FlagMustBeSetForRestore',
        `An existing resource with ID '${accountResourceId(address)}' has been soft-deleted. To restore the resource, you must specify 'restore' to be 'true' in the property. If you don't want to restore existing resource, please purge it first.`,
      );
    }
    if (restoring && deleted === undefined) {
      throw armError(
        400,
        'CanNotRestoreANonExistingResource',
        `Can not restore resource '${address.name}' because it does not exist in the soft-deleted state.`,
      );
    }
    const account = restoring ? world.restore(address) : newAccount(ctx, address, body);
    if (account === undefined)
      throw armError(404, 'ResourceNotFound', `Soft-deleted resource '${address.name}' was not found.`);
    account.provisioningState = 'Creating';
    world.putAccount(account);
    const operation = world.operations.start(
      address.subscriptionId,
      account.location,
      accountKey(address),
      world.clock.now(),
      () => {
        account.provisioningState = 'Succeeded';
      },
    );
    return replyAccepted(request, reply, operation, 201, accountView(account, originOf(request)));
  });

  app.get<{ Params: AccountParams }>(ACCOUNT_PATH, (request) => {
    const address = addressOf(request.params);
    world.operations.observeResource(accountKey(address), world.clock.now());
    return accountView(world.requireAccount(address), originOf(request));
  });

  app.patch<{ Params: AccountParams }>(ACCOUNT_PATH, (request) => {
    const account = world.requireAccount(addressOf(request.params));
    applyMutableProperties(account, objectBody(request));
    account.etag = newEtag();
    account.modifiedAt = world.clock.now().toISOString();
    return accountView(account, originOf(request));
  });

  app.delete<{ Params: AccountParams }>(ACCOUNT_PATH, (request, reply) => {
    const address = addressOf(request.params);
    const account = world.findAccount(address);
    if (account === undefined) return reply.code(204).send();
    const now = world.clock.now();
    world.operations.settleResource(accountKey(address), now);
    account.provisioningState = 'Deleting';
    const operation = world.operations.start(
      address.subscriptionId,
      account.location,
      accountKey(address),
      now,
      () => world.softDelete(account),
    );
    return replyAccepted(request, reply, operation, 202);
  });

  app.get<{ Params: Omit<AccountParams, 'accountName'> }>(ACCOUNTS_PATH, (request) => {
    const accounts = world.listAccounts(request.params.subscriptionId, request.params.resourceGroup);
    return pageOf(
      request,
      accounts.map((account) => accountView(account, originOf(request))),
    );
  });

  app.get<{ Params: { subscriptionId: string } }>(
    `/subscriptions/:subscriptionId/providers/${PROVIDER}/accounts`,
    (request) => {
      const accounts = world.listAccounts(request.params.subscriptionId);
      return pageOf(
        request,
        accounts.map((account) => accountView(account, originOf(request))),
      );
    },
  );
}
