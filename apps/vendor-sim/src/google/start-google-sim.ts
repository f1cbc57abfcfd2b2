import type { FastifyInstance } from 'fastify';
import { addFormBodyParser } from '@sim/azure/form-body-parser';
import { adminEmailFor, establishAdminIdentity } from '@sim/google/admin-identity';
import { startGoogleApp } from '@sim/google/google-app';
import { registerResourceManagerRoutes } from '@sim/google/crm/resource-manager-routes';
import type { IamContext } from '@sim/google/iam/iam-context';
import { generateRsaKeyPair } from '@sim/google/iam/key-material';
import { registerServiceAccountKeyRoutes } from '@sim/google/iam/service-account-key-routes';
import { registerServiceAccountRoutes } from '@sim/google/iam/service-account-routes';
import { registerTokenRoutes } from '@sim/google/oauth/token-routes';
import { registerGenerateContentRoutes } from '@sim/google/vertex/generate-content-routes';
import { GoogleWorld, newUniqueId } from '@sim/google/world/google-world';
import { seedPolicy } from '@sim/google/world/seed-policy';
import { registerGoogleControl } from '@sim/google/google-control';
import type { SimContext } from '@sim/common/sim-context';

export interface GoogleSimPorts {
  iam?: number;
  crm?: number;
  token?: number;
  vertex?: number;
}

export interface GoogleSimOptions {
  host?: string;
  ports?: GoogleSimPorts;
  projectId: string;
  /** Keeps the admin key file across restarts (a fresh admin identity each start without it). */
  dataDir?: string;
  /** Start with the org policy `iam.disableServiceAccountKeyCreation` enforced (switchable later). */
  orgPolicyForbidsKeys?: boolean;
}

export interface RunningGoogleSim {
  /** `rootUrl` for `@googleapis/iam`. */
  iamUrl: string;
  /** `rootUrl` for `@googleapis/cloudresourcemanager`. */
  crmUrl: string;
  /** Where to redirect `https://oauth2.googleapis.com/token`. */
  tokenUrl: string;
  /** Base of the Vertex AI `generateContent` endpoint. */
  vertexUrl: string;
  /** The admin service account's key file (it holds its admin roles through the organization). */
  adminCredentialJson: string;
  stop(): Promise<void>;
}

/**
 * Google Cloud for Vertex AI on four loopback listeners (googleapis drops `rootUrl` path prefixes):
 * IAM v1 service accounts and keys, Resource Manager allow policies, the OAuth JWT-bearer token
 * exchange, and Vertex AI `generateContent`.
 */
export async function startGoogleSim(ctx: SimContext, opts: GoogleSimOptions): Promise<RunningGoogleSim> {
  const host = opts.host ?? '127.0.0.1';
  const projectNumber = newUniqueId().slice(0, 12);
  const adminEmail = adminEmailFor(opts.projectId);
  const world = new GoogleWorld(
    ctx.clock,
    opts.projectId,
    projectNumber,
    adminEmail,
    opts.orgPolicyForbidsKeys ?? false,
  );
  const iamContext: IamContext = { world, systemKeyPair: await generateRsaKeyPair(2048) };
  const adminCredentialJson = await establishAdminIdentity(iamContext, opts.dataDir);
  world.policy = seedPolicy(adminEmail);
  registerGoogleControl(ctx, iamContext, opts.orgPolicyForbidsKeys ?? false);

  const createTime = ctx.clock.now().toISOString();
  const servers: Array<[keyof GoogleSimPorts, (app: FastifyInstance) => void]> = [
    [
      'iam',
      (app) => {
        registerServiceAccountRoutes(app, iamContext);
        registerServiceAccountKeyRoutes(app, iamContext);
      },
    ],
    ['crm', (app) => registerResourceManagerRoutes(app, world, createTime)],
    [
      'token',
      (app) => {
        addFormBodyParser(app);
        registerTokenRoutes(app, world);
      },
    ],
    ['vertex', (app) => registerGenerateContentRoutes(app, world)],
  ];
  const started: FastifyInstance[] = [];
  const urls: Partial<Record<keyof GoogleSimPorts, string>> = {};
  try {
    for (const [name, register] of servers) {
      const { app, url } = await startGoogleApp(ctx, host, opts.ports?.[name] ?? 0, register);
      started.push(app);
      urls[name] = url;
    }
  } catch (error) {
    await Promise.all(started.map((app) => app.close()));
    throw error;
  }
  return {
    iamUrl: urls.iam ?? '',
    crmUrl: urls.crm ?? '',
    tokenUrl: `${urls.token ?? ''}/token`,
    vertexUrl: urls.vertex ?? '',
    adminCredentialJson,
    stop: async () => {
      await Promise.all(started.map((app) => app.close()));
    },
  };
}
