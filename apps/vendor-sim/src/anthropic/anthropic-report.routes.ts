import type { FastifyInstance } from 'fastify';
import type { SimClock } from '@sim/common/sim-clock';
import {
  BUCKET_PAGE_LIMITS,
  BUCKET_WIDTHS,
  type BucketWidth,
  bucketPage,
  decodePageCursor,
  groupRows,
} from '@sim/common/usage-buckets';
import { asVendorQuery, queryList, queryValue, type VendorQuery } from '@sim/common/vendor-query';
import { findAnthropicModel } from '@sim/anthropic/anthropic-catalogue';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import type { UsageRecord } from '@sim/anthropic/anthropic-records';
import { rfc3339 } from '@sim/anthropic/anthropic-serializers';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

const USAGE_GROUPS = [
  'api_key_id',
  'workspace_id',
  'model',
  'service_tier',
  'context_window',
  'inference_geo',
];
const COST_GROUPS = ['workspace_id', 'description'];

function readTime(query: VendorQuery, name: string): number | undefined {
  const raw = queryValue(query, name);
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw anthropicErrors.invalidRequest(`${name}: must be an RFC 3339 timestamp`);
  return Math.floor(ms / 1000);
}

function readReportPage(query: VendorQuery, nowSeconds: number, widths: readonly BucketWidth[]) {
  const start = readTime(query, 'starting_at');
  if (start === undefined) throw anthropicErrors.invalidRequest('starting_at: Field required');
  const end = readTime(query, 'ending_at') ?? nowSeconds;
  if (end <= start) throw anthropicErrors.invalidRequest('ending_at: must be after starting_at');
  const width = (queryValue(query, 'bucket_width') ?? '1d') as BucketWidth;
  if (!widths.includes(width))
    throw anthropicErrors.invalidRequest(`bucket_width: must be one of ${widths.join(', ')}`);
  const bounds = BUCKET_PAGE_LIMITS[width];
  const limit = Number(queryValue(query, 'limit') ?? bounds.default);
  if (!Number.isInteger(limit) || limit < 1 || limit > bounds.max) {
    throw anthropicErrors.invalidRequest(
      `limit: must be between 1 and ${bounds.max} for bucket_width ${width}`,
    );
  }
  const pageRaw = queryValue(query, 'page');
  const page = pageRaw === undefined ? undefined : decodePageCursor(pageRaw);
  if (page === null) throw anthropicErrors.invalidRequest('page: invalid cursor');
  return bucketPage(start, end, width, limit, page);
}

function readGroups(query: VendorQuery, allowed: readonly string[]): string[] {
  const groups = queryList(query, 'group_by');
  const unknown = groups.find((group) => !allowed.includes(group));
  if (unknown !== undefined) throw anthropicErrors.invalidRequest(`group_by: "${unknown}" is not supported`);
  return groups;
}

function filterUsage(records: UsageRecord[], query: VendorQuery): UsageRecord[] {
  const keys = queryList(query, 'api_key_ids');
  const workspaces = queryList(query, 'workspace_ids');
  const models = queryList(query, 'models');
  return records.filter(
    (record) =>
      (keys.length === 0 || (record.apiKeyId !== null && keys.includes(record.apiKeyId))) &&
      (workspaces.length === 0 || (record.workspaceId !== null && workspaces.includes(record.workspaceId))) &&
      (models.length === 0 || models.includes(record.model)),
  );
}

const inBucket = (records: UsageRecord[], start: number, end: number) =>
  records.filter((record) => record.at >= start * 1000 && record.at < end * 1000);
const total = (rows: UsageRecord[], pick: (row: UsageRecord) => number) =>
  rows.reduce((sum, row) => sum + pick(row), 0);

/** Claude API usage and cost reports (no SDK method: callers use plain HTTP), from recorded usage. */
export function registerAnthropicReportRoutes(
  app: FastifyInstance,
  state: AnthropicState,
  clock: SimClock,
): void {
  app.get('/usage_report/messages', (request) => {
    const query = asVendorQuery(request.query);
    const page = readReportPage(query, clock.nowSeconds(), BUCKET_WIDTHS);
    const groups = readGroups(query, USAGE_GROUPS);
    const records = filterUsage(state.usage, query);
    const grouped = (name: string, value: string | null) => (groups.includes(name) ? value : null);
    const data = page.buckets.map((bucket) => {
      const rows = inBucket(records, bucket.start, bucket.end);
      const byGroup = groupRows(rows, (row) =>
        JSON.stringify([
          grouped('api_key_id', row.apiKeyId),
          grouped('workspace_id', row.workspaceId),
          grouped('model', row.model),
        ]),
      );
      const results = [...byGroup.values()].map((group) => {
        const first = group[0];
        return {
          api_key_id: grouped('api_key_id', first.apiKeyId),
          workspace_id: grouped('workspace_id', first.workspaceId),
          model: grouped('model', first.model),
          service_tier: grouped('service_tier', 'standard'),
          context_window: grouped('context_window', '0-200k'),
          inference_geo: grouped('inference_geo', 'global'),
          uncached_input_tokens: total(group, (row) => row.inputTokens),
          cache_read_input_tokens: 0,
          cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
          output_tokens: total(group, (row) => row.outputTokens),
          server_tool_use: { web_search_requests: 0 },
        };
      });
      return { starting_at: rfc3339(bucket.start * 1000), ending_at: rfc3339(bucket.end * 1000), results };
    });
    return { data, has_more: page.nextPage !== null, next_page: page.nextPage };
  });

  app.get('/cost_report', (request) => {
    const query = asVendorQuery(request.query);
    const page = readReportPage(query, clock.nowSeconds(), ['1d']);
    const groups = readGroups(query, COST_GROUPS);
    const byDescription = groups.includes('description');
    const byWorkspace = groups.includes('workspace_id');
    const records = filterUsage(state.usage, query);
    const data = page.buckets.map((bucket) => {
      const rows = inBucket(records, bucket.start, bucket.end).flatMap((row) => {
        const model = findAnthropicModel(row.model);
        const input = (row.inputTokens * (model?.inputCentsPerMillion ?? 0)) / 1_000_000;
        const output = (row.outputTokens * (model?.outputCentsPerMillion ?? 0)) / 1_000_000;
        const name = model?.displayName ?? row.model;
        return [
          {
            row,
            tokenType: 'uncached_input_tokens',
            description: `${name} Usage - Input Tokens`,
            cents: input,
          },
          { row, tokenType: 'output_tokens', description: `${name} Usage - Output Tokens`, cents: output },
        ];
      });
      const byGroup = groupRows(rows, (line) =>
        JSON.stringify([byWorkspace ? line.row.workspaceId : null, byDescription ? line.description : null]),
      );
      const results = [...byGroup.values()].map((lines) => {
        const first = lines[0];
        return {
          amount: lines.reduce((sum, line) => sum + line.cents, 0).toFixed(6),
          currency: 'USD',
          cost_type: byDescription ? 'tokens' : null,
          description: byDescription ? first.description : null,
          model: byDescription ? first.row.model : null,
          service_tier: byDescription ? 'standard' : null,
          token_type: byDescription ? first.tokenType : null,
          context_window: byDescription ? '0-200k' : null,
          inference_geo: byDescription ? 'global' : null,
          workspace_id: byWorkspace ? first.row.workspaceId : null,
        };
      });
      return { starting_at: rfc3339(bucket.start * 1000), ending_at: rfc3339(bucket.end * 1000), results };
    });
    return { data, has_more: page.nextPage !== null, next_page: page.nextPage };
  });
}
