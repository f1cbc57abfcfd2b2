import { randomUUID } from 'node:crypto';
import { createTestOrganization, startTestApp, TestApp, TestOrganization } from '@keygate/testing';
import { API_PREFIX, UNPREFIXED_ROUTES } from '@api/bootstrap/create-http-app';
import { ROLES } from './roles';
import { roleHas } from './permissions';
import { routeInventory } from './route-inventory';

/** For every route and every role, the API answers exactly what docs/permissions.md (generated from the same table) says. */
describe('role access matrix', () => {
  let t: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrganization(t);
  });
  afterAll(() => t.close());

  it('refuses with 403 exactly the routes a role lacks, and lets every other call past the guard', async () => {
    const routes = routeInventory(t.app, API_PREFIX, UNPREFIXED_ROUTES).filter((r) => r.rule?.kind === 'permission');
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const role of ROLES) {
        const path = route.path.replace(/\{\w+\}/g, randomUUID());
        const res = await t.http.request(route.method, path, ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined, { token: org.users[role].token });
        const expected = route.rule?.kind === 'permission' && route.rule.permissions.some((p) => roleHas(role, p));
        const refused = res.status === 403 && (res.body as { code?: string }).code === 'forbidden';
        if (expected === refused || res.status === 401 || res.status >= 500) mismatches.push(`${role} ${route.method} ${route.path} -> ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets every role reach the signed-in routes and nobody reach them without a token', async () => {
    for (const role of ROLES) expect((await t.http.get('/api/v1/auth/me', { token: org.users[role].token })).status).toBe(200);
    const routes = routeInventory(t.app, API_PREFIX, UNPREFIXED_ROUTES).filter((r) => r.rule && r.rule.kind !== 'public');
    for (const route of routes) {
      const res = await t.http.request(route.method, route.path.replace(/\{\w+\}/g, randomUUID()), undefined);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });
});
