import type { FastifyInstance } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import type { ArmContext } from '@sim/azure/arm/arm-context';
import { objectBody, originOf, pageOf, stringField } from '@sim/azure/arm/arm-request';
import { PROVIDER } from '@sim/azure/arm/arm-resource-ids';
import { deletedAccountView } from '@sim/azure/arm/arm-views';
import { operationStatusDocument } from '@sim/azure/arm/async-operations';
import { REGIONAL_MODEL_QUOTA_UNITS } from '@sim/azure/arm/azure-world';

interface LocationParams {
  subscriptionId: string;
  location: string;
}

interface DeletedAccountParams extends LocationParams {
  resourceGroup: string;
  accountName: string;
}

const LOCATION_PATH = `/subscriptions/:subscriptionId/providers/${PROVIDER}/locations/:location`;
const DELETED_ACCOUNT_PATH = `${LOCATION_PATH}/resourceGroups/:resourceGroup/deletedAccounts/:accountName`;

/** Subscription-level routes: soft-deleted accounts, operation status documents, regional quota usage. */
export function registerSubscriptionRoutes(app: FastifyInstance, ctx: ArmContext): void {
  const { world } = ctx;
  const requireDeleted = (params: DeletedAccountParams) => {
    const address = {
      subscriptionId: params.subscriptionId,
      resourceGroup: params.resourceGroup,
      name: params.accountName,
    };
    const entry = world.findDeleted(address);
    if (entry === undefined || entry.account.location.toLowerCase() !== params.location.toLowerCase()) {
      throw armError(
        404,
        'ResourceNotFound',
        `The deleted resource '${params.accountName}' was not found in location '${params.location}'.`,
      );
    }
    return entry;
  };

  app.get<{ Params: DeletedAccountParams }>(DELETED_ACCOUNT_PATH, (request) =>
    deletedAccountView(requireDeleted(request.params), originOf(request)),
  );

  app.delete<{ Params: DeletedAccountParams }>(DELETED_ACCOUNT_PATH, (request, reply) => {
    world.purge(requireDeleted(request.params).account.address);
    return reply.code(200).send();
  });

  app.get<{ Params: { subscriptionId: string } }>(
    `/subscriptions/:subscriptionId/providers/${PROVIDER}/deletedAccounts`,
    (request) =>
      pageOf(
        request,
        world
          .listDeleted(request.params.subscriptionId)
          .map((entry) => deletedAccountView(entry, originOf(request))),
      ),
  );

  app.get<{ Params: LocationParams & { operationId: string } }>(
    `${LOCATION_PATH}/operationStatuses/:operationId`,
    (request) => {
      const operation = world.operations.find(request.params.operationId);
      if (operation === undefined)
        throw armError(
          404,
          'OperationNotFound',
          `The operation '${request.params.operationId}' was not found.`,
        );
      return operationStatusDocument(world.operations.observe(operation, world.clock.now()));
    },
  );

  app.post<{ Params: { subscriptionId: string } }>(
    `/subscriptions/:subscriptionId/providers/${PROVIDER}/checkDomainAvailability`,
    (request) => {
      const body = objectBody(request);
      const subdomainName = stringField(body, 'subdomainName');
      const type = stringField(body, 'type');
      if (subdomainName === undefined || type === undefined) {
        throw armError(
          400,
          'InvalidRequestContent',
          "The request content was invalid: 'subdomainName' and 'type' are required.",
        );
      }
      const taken = world.subdomainHolder(subdomainName) !== undefined;
      return {
        isSubdomainAvailable: !taken,
        ...(taken ? { reason: `Sub domain name '${subdomainName}' is not valid` } : {}),
        subdomainName,
        type,
        ...(stringField(body, 'kind') === undefined ? {} : { kind: stringField(body, 'kind') }),
      };
    },
  );

  app.get<{ Params: LocationParams }>(`${LOCATION_PATH}/usages`, (request) => {
    const location = request.params.location.toLowerCase();
    const accounts = world
      .listAccounts(request.params.subscriptionId)
      .filter((account) => account.location === location);
    const byQuota = new Map<string, { model: string; sku: string; used: number }>();
    for (const deployment of accounts.flatMap((account) => [...account.deployments.values()])) {
      const key = `OpenAI.${deployment.skuName}.${deployment.model.name}`;
      const entry = byQuota.get(key) ?? { model: deployment.model.name, sku: deployment.skuName, used: 0 };
      entry.used += deployment.capacity;
      byQuota.set(key, entry);
    }
    const usages = [...byQuota].map(([key, entry]) => ({
      name: { value: key, localizedValue: `Tokens Per Minute (thousands) - ${entry.model}` },
      currentValue: entry.used,
      limit: REGIONAL_MODEL_QUOTA_UNITS,
      unit: 'Count',
    }));
    return pageOf(request, [
      {
        name: { value: 'OpenAI.AccountCount', localizedValue: 'Azure OpenAI resources' },
        currentValue: accounts.length,
        limit: 30,
        unit: 'Count',
      },
      ...usages,
    ]);
  });
}
