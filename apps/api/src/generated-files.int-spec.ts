import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '@keygate/testing';
import { renderPermissionsDoc } from '@api/common/auth/permissions-doc';
import { routeInventory } from '@api/common/auth/route-inventory';
import { API_PREFIX, UNPREFIXED_ROUTES } from '@api/bootstrap/create-http-app';
import { repoRoot } from '@api/config/repo-root';

/**
 * The OpenAPI document and docs/permissions.md are committed. These tests fail when either is stale;
 * `npm run generate` rewrites them (UPDATE_GENERATED=1).
 */
const update = process.env.UPDATE_GENERATED === '1';

function expectFileToBe(relative: string, content: string): void {
  const path = join(repoRoot(), relative);
  if (update) writeFileSync(path, content);
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (committed !== content) throw new Error(`${relative} is stale: run \`npm run generate\` and commit the result`);
}

describe('generated files and the route inventory', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('declares an access rule on every route', () => {
    const routes = routeInventory(t.app, API_PREFIX, UNPREFIXED_ROUTES);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`)).toEqual([]);
  });

  it('keeps libs/api-client/openapi.json identical to the document the API serves', async () => {
    const served = await t.http.get<Record<string, unknown>>('/openapi.json');
    expect(served.status).toBe(200);
    expectFileToBe('libs/api-client/openapi.json', `${JSON.stringify(served.body, null, 2)}\n`);
  });

  it('keeps docs/permissions.md identical to the route metadata and role table', () => {
    expectFileToBe('docs/permissions.md', renderPermissionsDoc(routeInventory(t.app, API_PREFIX, UNPREFIXED_ROUTES)));
  });
});
