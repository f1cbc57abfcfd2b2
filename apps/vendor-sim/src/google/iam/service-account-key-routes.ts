import type { FastifyInstance } from 'fastify';
import { authorize, type Permission } from '@sim/google/auth/permissions';
import { googleError, quotaExhausted } from '@sim/google/google-errors';
import type { IamContext } from '@sim/google/iam/iam-context';
import {
  type AccountParams,
  accountResourceName,
  jsonObject,
  type KeyParams,
  keyView,
  requireAccount,
  requireKey,
  splitVerb,
} from '@sim/google/iam/iam-resources';
import { publicKeyData } from '@sim/google/iam/key-material';
import { issueUserManagedKey } from '@sim/google/iam/service-account-factory';
import type { ServiceAccountRecord } from '@sim/google/world/google-records';
import type { GoogleWorld } from '@sim/google/world/google-world';
import { asVendorQuery, queryList, queryValue } from '@sim/common/vendor-query';

const KEYS_PATH = '/v1/projects/:project/serviceAccounts/:account/keys';
const KEY_PATH = `${KEYS_PATH}/:key`;
const MAX_USER_KEYS = 10;
const MODULUS_BY_ALGORITHM: Record<string, number> = { KEY_ALG_RSA_2048: 2048, KEY_ALG_RSA_1024: 1024 };

function keyCreationForbidden(world: GoogleWorld, account: ServiceAccountRecord) {
  const message = 'Key creation is not allowed on this service account.';
  return googleError(400, 'FAILED_PRECONDITION', message, [
    {
      '@type': 'type.googleapis.com/google.rpc.PreconditionFailure',
      violations: [
        {
          type: 'constraints/iam.disableServiceAccountKeyCreation',
          subject: `projects/${world.projectId}/serviceAccounts/${account.email}?configvalue=${encodeURIComponent(account.email)}`,
          description: message,
        },
      ],
    },
  ]);
}

export function registerServiceAccountKeyRoutes(app: FastifyInstance, ctx: IamContext): void {
  const { world } = ctx;
  const accountFor = (
    request: { params: AccountParams },
    permission: Permission,
    ref = request.params.account,
  ) => requireAccount(world, request.params, permission, ref);
  const guard = (request: Parameters<typeof authorize>[1], params: AccountParams, permission: Permission) =>
    authorize(world, request, permission, `projects/${params.project}/serviceAccounts/${params.account}`);

  app.post<{ Params: AccountParams }>(KEYS_PATH, async (request) => {
    guard(request, request.params, 'iam.serviceAccountKeys.create');
    const account = accountFor(request, 'iam.serviceAccountKeys.create');
    const body = jsonObject(request.body);
    const privateKeyType =
      typeof body.privateKeyType === 'string' ? body.privateKeyType : 'TYPE_GOOGLE_CREDENTIALS_FILE';
    const keyAlgorithm = typeof body.keyAlgorithm === 'string' ? body.keyAlgorithm : 'KEY_ALG_RSA_2048';
    const modulus = MODULUS_BY_ALGORITHM[keyAlgorithm];
    if (modulus === undefined)
      throw googleError(400, 'INVALID_ARGUMENT', `Invalid key algorithm: ${keyAlgorithm}`);
    if (privateKeyType !== 'TYPE_GOOGLE_CREDENTIALS_FILE') {
      throw googleError(
        400,
        'INVALID_ARGUMENT',
        `The simulator only issues TYPE_GOOGLE_CREDENTIALS_FILE keys, not ${privateKeyType}.`,
      );
    }
    if (world.orgPolicyForbidsKeys) throw keyCreationForbidden(world, account);
    if (world.keysOf(account).filter((key) => key.keyType === 'USER_MANAGED').length >= MAX_USER_KEYS) {
      throw quotaExhausted('Maximum number of keys on account reached.');
    }
    const { key, credentialsJson } = await issueUserManagedKey(ctx, account, keyAlgorithm, modulus);
    return {
      ...keyView(account, key),
      privateKeyType,
      privateKeyData: Buffer.from(credentialsJson).toString('base64'),
    };
  });

  app.get<{ Params: AccountParams }>(KEYS_PATH, (request) => {
    guard(request, request.params, 'iam.serviceAccountKeys.list');
    const account = accountFor(request, 'iam.serviceAccountKeys.list');
    const types = queryList(asVendorQuery(request.query), 'keyTypes');
    const keys = world.keysOf(account).filter((key) => types.length === 0 || types.includes(key.keyType));
    return keys.length === 0 ? {} : { keys: keys.map((key) => keyView(account, key)) };
  });

  app.get<{ Params: KeyParams }>(KEY_PATH, (request) => {
    guard(request, request.params, 'iam.serviceAccountKeys.get');
    const account = accountFor(request, 'iam.serviceAccountKeys.get');
    const key = requireKey(world, account, request.params.key);
    const data = publicKeyData(key, queryValue(asVendorQuery(request.query), 'publicKeyType') ?? 'TYPE_NONE');
    return { ...keyView(account, key), ...(data === undefined ? {} : { publicKeyData: data }) };
  });

  app.delete<{ Params: KeyParams }>(KEY_PATH, (request) => {
    guard(request, request.params, 'iam.serviceAccountKeys.delete');
    const account = accountFor(request, 'iam.serviceAccountKeys.delete');
    const key = requireKey(world, account, request.params.key);
    if (key.keyType === 'SYSTEM_MANAGED') {
      throw googleError(400, 'FAILED_PRECONDITION', 'System-managed keys cannot be deleted.');
    }
    world.keys.delete(key.keyId);
    return {};
  });

  app.post<{ Params: KeyParams }>(KEY_PATH, (request) => {
    const { id, verb } = splitVerb(request.params.key);
    if (verb !== 'disable' && verb !== 'enable')
      throw googleError(404, 'NOT_FOUND', `Method not found: ${request.params.key}`);
    const permission: Permission =
      verb === 'disable' ? 'iam.serviceAccountKeys.disable' : 'iam.serviceAccountKeys.enable';
    guard(request, request.params, permission);
    const account = accountFor(request, permission);
    const key = requireKey(world, account, id);
    if (key.keyType === 'SYSTEM_MANAGED') {
      throw googleError(
        400,
        'FAILED_PRECONDITION',
        `System-managed keys of ${accountResourceName(account)} cannot be ${verb}d.`,
      );
    }
    key.disabled = verb === 'disable';
    return {};
  });
}
