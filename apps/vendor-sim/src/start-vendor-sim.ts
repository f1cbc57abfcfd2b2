import { listenOnLoopback } from '@sim/common/create-vendor-app';
import { createSimContext, type SimContext } from '@sim/common/sim-context';
import { buildControlServer } from '@sim/control/control-server';
import { startAnthropicSim } from '@sim/anthropic/index';
import { startOpenAiSim } from '@sim/openai/index';

/** Sandbox admin credentials; real deployments never see these (they talk to the real vendors). */
export const SANDBOX_CREDENTIALS = {
  openaiAdminKey: 'sk-admin-sandbox-openai-00000000000000000000',
  anthropicAdminKey: 'sk-ant-admin01-sandbox-anthropic-0000000000000000000000',
} as const;

export interface VendorSimPorts {
  openai?: number;
  anthropic?: number;
  control?: number;
}

export interface VendorSimOptions {
  /** 0 or absent = ephemeral. */
  ports?: VendorSimPorts;
  credentials?: Partial<VendorSimCredentials>;
}

export interface VendorSimCredentials {
  openaiAdminKey: string;
  anthropicAdminKey: string;
}

export interface VendorSimUrls {
  /** Includes `/v1`: `new OpenAI({adminAPIKey, baseURL})`. */
  openai: string;
  /** Without `/v1`: `new Anthropic({apiKey, baseURL})`. */
  anthropic: string;
  control: string;
}

export interface RunningVendorSim {
  urls: VendorSimUrls;
  credentials: VendorSimCredentials;
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

    // Vendor modules register their control hooks while starting, so the control server comes last.
    const control = await buildControlServer(ctx);
    const controlPort = await listenOnLoopback(control, ports.control ?? 0);
    stops.push(() => control.close());

    return {
      urls: { openai: openai.url, anthropic: anthropic.url, control: `http://127.0.0.1:${controlPort}` },
      credentials,
      ctx,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
