import { startAnthropicSim } from '@sim/anthropic/index';
import { startAzureSim } from '@sim/azure/index';
import { startGoogleSim } from '@sim/google/index';
import { listenOnLoopback } from '@sim/common/create-vendor-app';
import { createSimContext, type SimContext } from '@sim/common/sim-context';
import { buildControlServer } from '@sim/control/control-server';
import { startOpenAiSim } from '@sim/openai/index';

/** Sandbox admin credentials; real deployments never see these (they talk to the real vendors). */
export const SANDBOX_CREDENTIALS: VendorSimCredentials = {
  openaiAdminKey: 'sk-admin-sandbox-openai-00000000000000000000',
  anthropicAdminKey: 'sk-ant-admin01-sandbox-anthropic-0000000000000000000000',
  azureTenantId: '5a4d0b0b-0000-4000-8000-00000000a2e0',
  azureClientId: '5a4d0b0b-0000-4000-8000-0000000c11e7',
  azureClientSecret: 'sandbox~azure~client~secret',
  azureSubscriptionId: '5a4d0b0b-0000-4000-8000-000000005ab5',
};

export const SANDBOX_GOOGLE_PROJECT_ID = 'keygate-sandbox';

export interface VendorSimPorts {
  openai?: number;
  anthropic?: number;
  azure?: number;
  googleIam?: number;
  googleCrm?: number;
  googleToken?: number;
  googleVertex?: number;
  control?: number;
}

export interface VendorSimOptions {
  /** 0 or absent = ephemeral. */
  ports?: VendorSimPorts;
  credentials?: Partial<VendorSimCredentials>;
  /** Keeps the Azure CA across restarts (so a configured trust stays valid); fresh CA each start without it. */
  dataDir?: string;
  google?: { projectId?: string; orgPolicyForbidsKeys?: boolean };
}

export interface VendorSimCredentials {
  openaiAdminKey: string;
  anthropicAdminKey: string;
  azureTenantId: string;
  azureClientId: string;
  azureClientSecret: string;
  azureSubscriptionId: string;
}

export interface VendorSimUrls {
  /** Includes `/v1`: `new OpenAI({adminAPIKey, baseURL})`. */
  openai: string;
  /** Without `/v1`: `new Anthropic({apiKey, baseURL})`. */
  anthropic: string;
  /** `https://127.0.0.1:PORT`: Entra authority host, ARM endpoint and the accounts' data plane. */
  azure: string;
  /** `rootUrl` for `@googleapis/iam`. */
  googleIam: string;
  /** `rootUrl` for `@googleapis/cloudresourcemanager`. */
  googleCrm: string;
  /** Where to send what the SDK posts to `https://oauth2.googleapis.com/token`. */
  googleToken: string;
  /** Base of Vertex AI `generateContent`. */
  googleVertex: string;
  control: string;
}

export interface RunningVendorSim {
  urls: VendorSimUrls;
  credentials: VendorSimCredentials;
  /** PEM of the CA that signs the Azure listener's certificate: trust it, never disable verification. */
  azureCaPem: string;
  /** The Google project and the admin service account's key file (generated each start). */
  google: { projectId: string; adminCredentialJson: string };
  ctx: SimContext;
  stop(): Promise<void>;
}

/** Starts every simulated vendor on its own loopback port, plus the control API. */
export async function startVendorSim(options: VendorSimOptions = {}): Promise<RunningVendorSim> {
  const ports = options.ports ?? {};
  const credentials: VendorSimCredentials = { ...SANDBOX_CREDENTIALS, ...options.credentials };
  const ctx = createSimContext();
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    ctx.faults.releaseAll();
    await Promise.all(stops.map((stop) => stop()));
  };

  try {
    const openai = await startOpenAiSim(ctx, { port: ports.openai, adminKeys: [credentials.openaiAdminKey] });
    stops.push(() => openai.stop());
    const anthropic = await startAnthropicSim(ctx, {
      port: ports.anthropic,
      adminKeys: [credentials.anthropicAdminKey],
    });
    stops.push(() => anthropic.stop());
    const azure = await startAzureSim(ctx, {
      port: ports.azure,
      tenantId: credentials.azureTenantId,
      clientId: credentials.azureClientId,
      clientSecret: credentials.azureClientSecret,
      subscriptionId: credentials.azureSubscriptionId,
      dataDir: options.dataDir,
    });
    stops.push(() => azure.stop());
    const googleProjectId = options.google?.projectId ?? SANDBOX_GOOGLE_PROJECT_ID;
    const google = await startGoogleSim(ctx, {
      projectId: googleProjectId,
      orgPolicyForbidsKeys: options.google?.orgPolicyForbidsKeys,
      dataDir: options.dataDir,
      ports: {
        iam: ports.googleIam,
        crm: ports.googleCrm,
        token: ports.googleToken,
        vertex: ports.googleVertex,
      },
    });
    stops.push(() => google.stop());

    // Vendor modules register their control hooks while starting, so the control server comes last.
    const control = await buildControlServer(ctx);
    const controlPort = await listenOnLoopback(control, ports.control ?? 0);
    stops.push(() => control.close());

    return {
      urls: {
        openai: openai.url,
        anthropic: anthropic.url,
        azure: azure.url,
        googleIam: google.iamUrl,
        googleCrm: google.crmUrl,
        googleToken: google.tokenUrl,
        googleVertex: google.vertexUrl,
        control: `http://127.0.0.1:${controlPort}`,
      },
      credentials,
      azureCaPem: azure.caPem,
      google: { projectId: googleProjectId, adminCredentialJson: google.adminCredentialJson },
      ctx,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
