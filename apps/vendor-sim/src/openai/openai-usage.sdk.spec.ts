import OpenAI from 'openai';
import { type RunningVendorSim, startVendorSim } from '@sim/start-vendor-sim';

// Usage and cost reports, as KeyGate's spend poller reads them with the openai SDK (no auto-paging there).
describe('simulated OpenAI usage and cost reports', () => {
  let sim: RunningVendorSim;
  let admin: OpenAI;
  const org = () => admin.admin.organization;

  beforeAll(async () => {
    sim = await startVendorSim({ credentials: { openaiAdminKey: 'sk-admin-spec-usage' } });
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    await fetch(`${sim.urls.control}/reset`, { method: 'POST' });
    admin = new OpenAI({
      adminAPIKey: sim.credentials.openaiAdminKey,
      baseURL: sim.urls.openai,
      maxRetries: 0,
    });
  });

  async function keyInNewProject(name: string) {
    const project = await org().projects.create({ name });
    const account = await org().projects.serviceAccounts.create(project.id, { name: 'sa' });
    const client = new OpenAI({
      apiKey: account.api_key?.value ?? '',
      baseURL: sim.urls.openai,
      maxRetries: 0,
    });
    return { projectId: project.id, keyId: account.api_key?.id ?? '', client };
  }
  const chat = (client: OpenAI) =>
    client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'usage please' }],
    });

  it('filters by project and keeps other projects out of the report', async () => {
    const first = await keyInNewProject('kg-a');
    const second = await keyInNewProject('kg-b');
    const start = sim.ctx.clock.nowSeconds() - 10;
    await chat(first.client);
    await chat(second.client);
    await chat(second.client);

    const report = await org().usage.completions({
      start_time: start,
      project_ids: [second.projectId],
      group_by: ['project_id'],
    });
    const results = report.data.flatMap((bucket) => bucket.results) as unknown as Array<{
      project_id: string;
      num_model_requests: number;
    }>;
    expect(results).toEqual([
      expect.objectContaining({ project_id: second.projectId, num_model_requests: 2 }),
    ]);

    const ungrouped = await org().usage.completions({ start_time: start });
    const totals = ungrouped.data.flatMap((bucket) => bucket.results) as unknown as Array<
      Record<string, unknown>
    >;
    expect(totals).toEqual([
      expect.objectContaining({ num_model_requests: 3, project_id: null, api_key_id: null }),
    ]);
  });

  it('pages buckets with next_page until has_more is false', async () => {
    const { client } = await keyInNewProject('kg-paging');
    const start = sim.ctx.clock.nowSeconds();
    for (let hour = 0; hour < 5; hour += 1) {
      await chat(client);
      sim.ctx.clock.advance(3600 * 1000);
    }
    const buckets: Array<{ results: unknown[] }> = [];
    let page: string | undefined;
    let pages = 0;
    do {
      const response = await org().usage.completions({
        start_time: start,
        bucket_width: '1h',
        limit: 2,
        ...(page ? { page } : {}),
      });
      buckets.push(...response.data);
      page = response.next_page ?? undefined;
      pages += 1;
      expect(response.has_more).toBe(page !== undefined);
    } while (page !== undefined);
    expect(pages).toBe(3);
    expect(buckets.filter((bucket) => bucket.results.length > 0)).toHaveLength(5);
  });

  it('reports costs by line item and api key in dollars', async () => {
    const { keyId, projectId } = await keyInNewProject('kg-costs');
    await fetch(`${sim.urls.control}/vendors/openai/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        project_id: projectId,
        api_key_id: keyId,
        model: 'gpt-4o',
        input_tokens: 2_000_000,
        output_tokens: 1_000_000,
      }),
    });
    const costs = await org().usage.costs({
      start_time: sim.ctx.clock.nowSeconds() - 60,
      group_by: ['line_item', 'api_key_id'],
    });
    const results = costs.data.flatMap((bucket) => bucket.results) as unknown as Array<{
      amount: { value: number; currency: string };
      line_item: string;
      api_key_id: string;
    }>;
    // 2M input tokens at $2.50/M + 1M output tokens at $10/M.
    expect(results).toEqual([
      expect.objectContaining({
        line_item: 'gpt-4o',
        api_key_id: keyId,
        amount: { value: 15, currency: 'usd' },
      }),
    ]);
  });

  it('rejects a report without start_time', async () => {
    await expect(org().usage.completions({} as { start_time: number })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );
  });
});
