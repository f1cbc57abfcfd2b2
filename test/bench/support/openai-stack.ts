import type { BenchContext } from './bench-context';
import { startKeygateApi, type KeygateApi } from './keygate-api';
import { startVendorSimProcess, type VendorSimProcess } from './vendor-sim-process';

export interface OpenAIStack {
  sim: VendorSimProcess;
  api: KeygateApi;
  connectionId: string;
  databaseUrl: string;
  createDeveloper(n: number): Promise<string>;
  /** Highest journal sequence number so far: journal entries after it are new calls. */
  journalHead(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The simulator and KeyGate as separate processes, KeyGate's OpenAI base URL pointed at `openaiBaseUrl`
 * (the simulator itself unless a proxy sits in between), one organization with an OpenAI connection.
 */
export async function startOpenAIStack(ctx: BenchContext, name: string, openaiBaseUrl?: (sim: VendorSimProcess) => Promise<string>, env: Record<string, string> = {}): Promise<OpenAIStack> {
  const sim = await startVendorSimProcess(ctx, name);
  let api: KeygateApi | null = null;
  try {
    const databaseUrl = await ctx.freshDatabase(name);
    api = await startKeygateApi(ctx, name, databaseUrl, { OPENAI_BASE_URL: openaiBaseUrl ? await openaiBaseUrl(sim) : sim.urls.openai, ...env });
    const started = api;
    const connection = await started.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'bench', admin_api_key: sim.credentials.openaiAdminKey }, { token: started.token });
    if (connection.status !== 201) throw new Error(`connection: ${connection.status} ${connection.text}`);
    return {
      sim,
      api: started,
      connectionId: connection.body.id,
      databaseUrl,
      async createDeveloper(n) {
        const res = await started.http.post<{ id: string }>('/api/v1/developers', { name: `Bench Dev ${n}`, email: `bench.dev.${n}@example.com`, team: `team-${n % 20}` }, { token: started.token });
        if (res.status !== 201) throw new Error(`developer ${n}: ${res.status} ${res.text}`);
        return res.body.id;
      },
      async journalHead() {
        const all = await sim.control.journal();
        return all.reduce((max, e) => Math.max(max, e.seq), 0);
      },
      async close() {
        await started.stop();
        await sim.stop();
        await ctx.dropDatabase(name);
      },
    };
  } catch (error) {
    await api?.stop();
    await sim.stop();
    throw error;
  }
}
