import { cloudresourcemanager, type cloudresourcemanager_v1 } from '@googleapis/cloudresourcemanager';
import { iam, type iam_v1 } from '@googleapis/iam';
import { JWT } from 'google-auth-library';
import { createSimContext, type SimContext } from '@sim/common/sim-context';
import { type RunningGoogleSim, startGoogleSim } from '@sim/google/start-google-sim';

/** Shared by the Google specs: a running simulator and the real Google clients pointed at it. */
export const PROJECT_ID = 'keygate-sim-project';
export const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

interface CredentialsFile {
  client_email: string;
  private_key: string;
  private_key_id: string;
  project_id: string;
}

export const parseCredentials = (json: string): CredentialsFile => JSON.parse(json) as CredentialsFile;

/**
 * A google-auth-library JWT client for a key file, with the hard-coded token exchange URL
 * redirected to the simulator through a gaxios request interceptor. Under Jest, gaxios cannot
 * `import('node-fetch')` (no VM modules), so the interceptor also hands it Node's own fetch.
 */
export function jwtClientFor(credentialJson: string, tokenUrl: string): JWT {
  const credentials = parseCredentials(credentialJson);
  const client = new JWT({
    email: credentials.client_email,
    key: credentials.private_key,
    keyId: credentials.private_key_id,
    scopes: [CLOUD_PLATFORM],
  });
  client.transporter.interceptors.request.add({
    resolved: (options) => {
      if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
      options.fetchImplementation = fetch;
      return Promise.resolve(options);
    },
  });
  return client;
}

/**
 * googleapis-common pins an older google-auth-library whose JWT type differs only in private
 * members; at run time it only calls `auth.request()`, which this client has.
 */
export const asApiAuth = (client: JWT): iam_v1.Options['auth'] => client as unknown as iam_v1.Options['auth'];

export interface GoogleFixture {
  ctx: SimContext;
  sim: RunningGoogleSim;
  admin: JWT;
  iam: iam_v1.Iam;
  crm: cloudresourcemanager_v1.Cloudresourcemanager;
}

export async function startGoogleFixture(orgPolicyForbidsKeys = false): Promise<GoogleFixture> {
  const ctx = createSimContext();
  const sim = await startGoogleSim(ctx, { projectId: PROJECT_ID, orgPolicyForbidsKeys });
  const admin = jwtClientFor(sim.adminCredentialJson, sim.tokenUrl);
  return {
    ctx,
    sim,
    admin,
    iam: iam({
      version: 'v1',
      auth: asApiAuth(admin),
      rootUrl: `${sim.iamUrl}/`,
      fetchImplementation: fetch,
    }),
    crm: cloudresourcemanager({
      version: 'v1',
      auth: asApiAuth(admin),
      rootUrl: `${sim.crmUrl}/`,
      fetchImplementation: fetch,
    }),
  };
}

/** Creates a developer account with a key; returns the account email and the key file JSON. */
export async function createDeveloper(
  fixture: GoogleFixture,
  accountId: string,
): Promise<{ email: string; keyJson: string; keyName: string }> {
  const created = await fixture.iam.projects.serviceAccounts.create({
    name: `projects/${PROJECT_ID}`,
    requestBody: { accountId, serviceAccount: { displayName: `Developer ${accountId}` } },
  });
  const email = created.data.email ?? '';
  const key = await fixture.iam.projects.serviceAccounts.keys.create({
    name: `projects/${PROJECT_ID}/serviceAccounts/${email}`,
    requestBody: {},
  });
  return {
    email,
    keyJson: Buffer.from(key.data.privateKeyData ?? '', 'base64').toString('utf8'),
    keyName: key.data.name ?? '',
  };
}

/** Read-modify-write of the project policy, version 3, with the etag. */
export async function grantRole(fixture: GoogleFixture, role: string, member: string): Promise<void> {
  const current = await fixture.crm.projects.getIamPolicy({
    resource: PROJECT_ID,
    requestBody: { options: { requestedPolicyVersion: 3 } },
  });
  const bindings = [...(current.data.bindings ?? []), { role, members: [member] }];
  await fixture.crm.projects.setIamPolicy({
    resource: PROJECT_ID,
    requestBody: { policy: { version: 3, etag: current.data.etag, bindings } },
  });
}

export async function revokeRole(fixture: GoogleFixture, role: string, member: string): Promise<void> {
  const current = await fixture.crm.projects.getIamPolicy({
    resource: PROJECT_ID,
    requestBody: { options: { requestedPolicyVersion: 3 } },
  });
  const bindings = (current.data.bindings ?? [])
    .map((binding) =>
      binding.role === role && binding.condition == null
        ? { ...binding, members: (binding.members ?? []).filter((entry) => entry !== member) }
        : binding,
    )
    .filter((binding) => (binding.members ?? []).length > 0);
  await fixture.crm.projects.setIamPolicy({
    resource: PROJECT_ID,
    requestBody: { policy: { version: 3, etag: current.data.etag, bindings } },
  });
}

/** Calls generateContent with a bearer token; returns the status and body. */
export async function generateContent(
  fixture: GoogleFixture,
  token: string,
  model = 'gemini-2.5-flash',
): Promise<{ status: number; body: unknown }> {
  const url = `${fixture.sim.vertexUrl}/v1/projects/${PROJECT_ID}/locations/us-central1/publishers/google/models/${model}:generateContent`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }] }),
  });
  return { status: response.status, body: await response.json() };
}

/** The HTTP status of a rejected googleapis / gaxios call. */
export async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    const status =
      (error as { status?: unknown; response?: { status?: unknown } }).status ??
      (error as { response?: { status?: unknown } }).response?.status;
    return typeof status === 'number' ? status : -1;
  }
}
