import type { ConnectionCosts, UsageWindow } from '../contract';
import { callVendor, type VendorCallContext } from '../common/vendor-call';
import type { AnthropicAnalytics } from './anthropic-admin-client';

/** Rows per page: the endpoint's maximum. */
const PAGE_SIZE = 1000;

/**
 * The organization's cost in the window from one read of the (beta) analytics cost report, every page, grouped by
 * workspace and API key: per workspace and per key, in USD (the report's amounts are fractional cents). Daily
 * time buckets, because without one the report covers whole hours only and would leave out the hour under way.
 */
export async function anthropicCostByKey(ctx: VendorCallContext, analytics: AnthropicAnalytics, window: UsageWindow): Promise<ConnectionCosts> {
  const byScope = new Map<string, number>();
  const byKey = new Map<string, number>();
  const add = (costs: Map<string, number>, id: string, cents: number) => costs.set(id, (costs.get(id) ?? 0) + cents);
  let page = await callVendor(ctx, 'read cost report', () =>
    analytics.cost.list({
      starting_at: window.from.toISOString(),
      ending_at: window.to.toISOString(),
      time_bucket_width: '1d',
      group_by: ['workspace_id', 'api_key_id'],
      limit: PAGE_SIZE,
    }),
  );
  for (;;) {
    for (const row of page.data) {
      const cents = Number(row.cost.amount);
      if (!Number.isFinite(cents)) continue;
      if (row.group.workspace_id !== null) add(byScope, row.group.workspace_id, cents);
      if (row.group.api_key_id !== null) add(byKey, row.group.api_key_id, cents);
    }
    if (!page.hasNextPage()) break;
    const current = page;
    page = await callVendor(ctx, 'read cost report', () => current.getNextPage());
  }
  const dollars = (costs: Map<string, number>) => new Map([...costs].map(([id, cents]) => [id, cents / 100]));
  return { byScope: dollars(byScope), byKey: dollars(byKey) };
}
