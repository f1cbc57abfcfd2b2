import type { UsageWindow } from '../contract';
import { callVendor, type VendorCallContext } from '../common/vendor-call';
import type { AnthropicReportsClient } from './anthropic-reports-client';

/**
 * The organization's cost in the window, per workspace (USD), from one read of the cost report (every page).
 * The report has no per-key grouping: a workspace's cost is what KeyGate charges against its key's budget.
 */
export async function anthropicCostByWorkspace(ctx: VendorCallContext, reports: AnthropicReportsClient, window: UsageWindow): Promise<Map<string, number>> {
  const cents = new Map<string, number>();
  let page: string | undefined;
  do {
    const current = page;
    const response = await callVendor(ctx, 'read cost report', () => reports.costReportPage({ startingAt: window.from, endingAt: window.to }, current));
    for (const bucket of response.data) {
      for (const result of bucket.results) {
        if (result.workspace_id === null) continue; // the default workspace holds no KeyGate key
        cents.set(result.workspace_id, (cents.get(result.workspace_id) ?? 0) + Number(result.amount));
      }
    }
    page = response.has_more && response.next_page ? response.next_page : undefined;
  } while (page);
  return new Map([...cents].map(([workspaceId, amount]) => [workspaceId, amount / 100]));
}
