import type { FastifyInstance } from 'fastify';
import type { IamContext } from '@sim/google/iam/iam-context';
import { jsonObject } from '@sim/google/iam/iam-resources';
import { seedPolicy } from '@sim/google/world/seed-policy';
import type { SimContext } from '@sim/common/sim-context';

/**
 * Control routes under `/vendors/google`: the org policy switch for
 * `iam.disableServiceAccountKeyCreation`, and the recorded Vertex usage. A reset keeps the admin
 * identity (its key file is already handed out) and restores the seeded policy.
 */
export function registerGoogleControl(ctx: SimContext, iam: IamContext, initialOrgPolicy: boolean): void {
  const { world } = iam;
  ctx.control.register('google', (control: FastifyInstance) => {
    control.get('/org-policy', () => ({ disableServiceAccountKeyCreation: world.orgPolicyForbidsKeys }));
    control.put('/org-policy', (request, reply) => {
      const enforced = jsonObject(request.body).disableServiceAccountKeyCreation;
      if (typeof enforced !== 'boolean') {
        return reply.code(400).send({ message: 'disableServiceAccountKeyCreation must be a boolean' });
      }
      world.orgPolicyForbidsKeys = enforced;
      return { disableServiceAccountKeyCreation: enforced };
    });
    control.get('/usage', () => ({ data: world.usage }));
  });
  ctx.control.onReset(() => {
    const admin = world.findServiceAccount(world.adminEmail);
    for (const account of [...world.serviceAccounts.values()]) {
      if (account !== admin) world.removeServiceAccount(account);
    }
    world.policy = seedPolicy(world.adminEmail);
    world.orgPolicyForbidsKeys = initialOrgPolicy;
    world.usage.length = 0;
  });
}
