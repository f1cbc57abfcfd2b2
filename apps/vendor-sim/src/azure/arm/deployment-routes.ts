import type { FastifyInstance } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import { ACCOUNT_PATH, newEtag } from '@sim/azure/arm/account-routes';
import type { ArmContext } from '@sim/azure/arm/arm-context';
import {
  type AccountParams,
  addressOf,
  objectBody,
  objectField,
  pageOf,
  replyAccepted,
  stringField,
  tagsField,
} from '@sim/azure/arm/arm-request';
import { accountKey } from '@sim/azure/arm/arm-resource-ids';
import { deploymentView } from '@sim/azure/arm/arm-views';
import { REGIONAL_MODEL_QUOTA_UNITS } from '@sim/azure/arm/azure-world';
import type { CognitiveAccount, DeployedModel, ModelDeployment } from '@sim/azure/arm/cognitive-account';

interface DeploymentParams extends AccountParams {
  deploymentName: string;
}

const DEPLOYMENTS_PATH = `${ACCOUNT_PATH}/deployments`;
const DEPLOYMENT_PATH = `${DEPLOYMENTS_PATH}/:deploymentName`;
const DEPLOYMENT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/;

const deploymentKey = (account: CognitiveAccount, name: string) =>
  `${accountKey(account.address)}/deployments/${name.toLowerCase()}`;

function parseSku(body: Record<string, unknown>): { name: string; capacity: number } | undefined {
  const sku = objectField(body, 'sku');
  if (sku === undefined) return undefined;
  const name = stringField(sku, 'name');
  const capacity = sku.capacity ?? 1;
  if (name === undefined || typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1) {
    throw armError(
      400,
      'InvalidResourceProperties',
      "The deployment 'sku' needs a 'name' and a positive integer 'capacity'.",
    );
  }
  return { name, capacity };
}

function parseModel(body: Record<string, unknown>): DeployedModel {
  const model = objectField(objectField(body, 'properties') ?? {}, 'model');
  const name = stringField(model, 'name');
  if (name === undefined)
    throw armError(400, 'InvalidResourceProperties', "The deployment 'properties.model.name' is required.");
  return {
    format: stringField(model, 'format') ?? 'OpenAI',
    name,
    version: stringField(model, 'version') ?? '1',
  };
}

/** Standard capacity comes out of a regional, per-model pool shared by every account of the subscription. */
function checkQuota(
  ctx: ArmContext,
  account: CognitiveAccount,
  skuName: string,
  model: string,
  capacity: number,
  except?: ModelDeployment,
): void {
  const { subscriptionId } = account.address;
  const used = ctx.world.quotaInUse(subscriptionId, account.location, skuName, model, except);
  if (used + capacity <= REGIONAL_MODEL_QUOTA_UNITS) return;
  const quotaName = `Tokens Per Minute (thousands) - ${model}`;
  throw armError(
    400,
    'InsufficientQuota',
    `This operation require ${capacity} new capacity in quota ${quotaName}, which is bigger than the current available capacity ${REGIONAL_MODEL_QUOTA_UNITS - used}. The current quota usage is ${used} and the quota limit is ${REGIONAL_MODEL_QUOTA_UNITS} for quota ${quotaName}.`,
  );
}

function requireDeployment(account: CognitiveAccount, name: string): ModelDeployment {
  const deployment = account.deployments.get(name.toLowerCase());
  if (deployment === undefined) throw armError(404, 'DeploymentNotFound', `Deployment '${name}' not found.`);
  return deployment;
}

export function registerDeploymentRoutes(app: FastifyInstance, ctx: ArmContext): void {
  const { world } = ctx;
  const liveAccount = (params: AccountParams) => {
    const account = world.requireAccount(addressOf(params));
    if (account.provisioningState !== 'Succeeded') {
      throw armError(
        409,
        'AccountProvisioningStateInvalid',
        `Call to Microsoft.CognitiveServices/accounts failed. Account ${account.address.name} in state ${account.provisioningState}.`,
      );
    }
    return account;
  };

  app.put<{ Params: DeploymentParams }>(DEPLOYMENT_PATH, (request, reply) => {
    const account = liveAccount(request.params);
    const name = request.params.deploymentName;
    if (!DEPLOYMENT_NAME.test(name))
      throw armError(400, 'InvalidResourceName', `Resource name '${name}' is invalid.`);
    const body = objectBody(request);
    const sku = parseSku(body);
    if (sku === undefined)
      throw armError(400, 'InvalidResourceProperties', "The deployment 'sku' is required.");
    const model = parseModel(body);
    const properties = objectField(body, 'properties') ?? {};
    const existing = account.deployments.get(name.toLowerCase());
    if (existing !== undefined && existing.model.name !== model.name) {
      throw armError(
        400,
        'InvalidResourceProperties',
        'The model name of an existing deployment cannot be changed.',
      );
    }
    checkQuota(ctx, account, sku.name, model.name, sku.capacity, existing);
    const now = world.clock.now().toISOString();
    const deployment: ModelDeployment = {
      name: existing?.name ?? name,
      skuName: sku.name,
      capacity: sku.capacity,
      model,
      raiPolicyName: stringField(properties, 'raiPolicyName') ?? 'Microsoft.DefaultV2',
      versionUpgradeOption:
        stringField(properties, 'versionUpgradeOption') ?? 'OnceNewDefaultVersionAvailable',
      provisioningState: existing?.provisioningState ?? 'Creating',
      etag: newEtag(),
      tags: tagsField(body) ?? existing?.tags ?? {},
      createdAt: existing?.createdAt ?? now,
      modifiedAt: now,
    };
    account.deployments.set(name.toLowerCase(), deployment);
    if (existing !== undefined) return reply.code(200).send(deploymentView(account, deployment));
    const operation = world.operations.start(
      account.address.subscriptionId,
      account.location,
      deploymentKey(account, name),
      world.clock.now(),
      () => {
        deployment.provisioningState = 'Succeeded';
      },
    );
    return replyAccepted(request, reply, operation, 201, deploymentView(account, deployment));
  });

  app.get<{ Params: DeploymentParams }>(DEPLOYMENT_PATH, (request) => {
    const account = world.requireAccount(addressOf(request.params));
    world.operations.observeResource(
      deploymentKey(account, request.params.deploymentName),
      world.clock.now(),
    );
    return deploymentView(account, requireDeployment(account, request.params.deploymentName));
  });

  app.patch<{ Params: DeploymentParams }>(DEPLOYMENT_PATH, (request) => {
    const account = liveAccount(request.params);
    const deployment = requireDeployment(account, request.params.deploymentName);
    const body = objectBody(request);
    const sku = parseSku(body);
    if (sku !== undefined) {
      checkQuota(ctx, account, sku.name, deployment.model.name, sku.capacity, deployment);
      deployment.skuName = sku.name;
      deployment.capacity = sku.capacity;
    }
    deployment.tags = tagsField(body) ?? deployment.tags;
    deployment.etag = newEtag();
    deployment.modifiedAt = world.clock.now().toISOString();
    return deploymentView(account, deployment);
  });

  app.delete<{ Params: DeploymentParams }>(DEPLOYMENT_PATH, (request, reply) => {
    const account = world.requireAccount(addressOf(request.params));
    const removed = account.deployments.delete(request.params.deploymentName.toLowerCase());
    return reply.code(removed ? 200 : 204).send();
  });

  app.get<{ Params: AccountParams }>(DEPLOYMENTS_PATH, (request) => {
    const account = world.requireAccount(addressOf(request.params));
    return pageOf(
      request,
      [...account.deployments.values()].map((deployment) => deploymentView(account, deployment)),
    );
  });
}
