import type { FastifyInstance } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import { ACCOUNT_PATH, newAccountKey } from '@sim/azure/arm/account-routes';
import type { ArmContext } from '@sim/azure/arm/arm-context';
import { type AccountParams, addressOf, objectBody, stringField } from '@sim/azure/arm/arm-request';
import type { CognitiveAccount } from '@sim/azure/arm/cognitive-account';

function requireLocalAuth(account: CognitiveAccount): void {
  if (account.disableLocalAuth) {
    throw armError(400, 'BadRequest', 'Failed to list key. disableLocalAuth is set to be true');
  }
}

/** `listKeys` returns both keys every time; `regenerateKey` replaces only the named one. */
export function registerAccountKeyRoutes(app: FastifyInstance, ctx: ArmContext): void {
  app.post<{ Params: AccountParams }>(`${ACCOUNT_PATH}/listKeys`, (request) => {
    const account = ctx.world.requireAccount(addressOf(request.params));
    requireLocalAuth(account);
    return { key1: account.keys.key1, key2: account.keys.key2 };
  });

  app.post<{ Params: AccountParams }>(`${ACCOUNT_PATH}/regenerateKey`, (request) => {
    const account = ctx.world.requireAccount(addressOf(request.params));
    const keyName = stringField(objectBody(request), 'keyName')?.toLowerCase();
    if (keyName !== 'key1' && keyName !== 'key2') {
      throw armError(
        400,
        'InvalidRequestContent',
        "The request content was invalid: 'keyName' must be 'Key1' or 'Key2'.",
      );
    }
    requireLocalAuth(account);
    account.keys[keyName] = newAccountKey();
    return { key1: account.keys.key1, key2: account.keys.key2 };
  });
}
