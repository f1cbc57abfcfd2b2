import { createDeveloper, provisionKey, startKeyStack, type KeyStack } from './support/key-stack';

jest.setTimeout(120_000);

interface TrailRow {
  state: string;
  steps: Array<{ step: string; at: string }>;
  scope_id: string | null;
}

const OPENAI_STEPS = ['project_created', 'policy_pushed', 'service_account_created', 'key_created'];

describe("a provision's step trail on its key row", () => {
  let s: KeyStack;

  beforeAll(async () => {
    s = await startKeyStack();
  });
  afterAll(() => s.close());
  afterEach(() => s.sim.control.clearFaults());

  const rowsOf = (developerId: string) => s.t.dataSource.query<TrailRow[]>(`SELECT state, steps, scope_id FROM issued_keys WHERE developer_id = $1`, [developerId]);

  it('shows how far a slow provision got while it is still pending, and the whole trail once it is active', async () => {
    const developerId = await createDeveloper(s);
    // 11 vendor calls of 400 ms each: the provision takes over four seconds.
    await s.sim.control.addFault({ vendor: 'openai', times: 0, action: { type: 'latency', ms: 400 } });
    let done = false;
    const provision = provisionKey(s, { developer_id: developerId }).finally(() => (done = true));
    const pendingTrails: TrailRow[] = [];
    while (!done) {
      const [row] = await rowsOf(developerId);
      if (row?.state === 'pending' && row.steps.length > 0) pendingTrails.push(row);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await provision).status).toBe(201);

    expect(pendingTrails.length).toBeGreaterThan(0);
    const first = pendingTrails[0];
    expect(first?.steps.map((t) => t.step)).toEqual(OPENAI_STEPS.slice(0, first?.steps.length));
    expect(first?.scope_id).toMatch(/^proj_/);
    const [active] = await rowsOf(developerId);
    expect(active?.state).toBe('active');
    expect(active?.steps.map((t) => t.step)).toEqual(OPENAI_STEPS);
  });

  it('writes the whole trail with the activation when the provision is quick', async () => {
    const developerId = await createDeveloper(s);
    expect((await provisionKey(s, { developer_id: developerId })).status).toBe(201);
    const [active] = await rowsOf(developerId);
    expect(active?.steps.map((t) => t.step)).toEqual(OPENAI_STEPS);
    const times = active?.steps.map((t) => Date.parse(t.at)) ?? [];
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
