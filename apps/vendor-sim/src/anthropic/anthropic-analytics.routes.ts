import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimClock } from '@sim/common/sim-clock';
import { groupRows } from '@sim/common/usage-buckets';
import { asVendorQuery, queryList, queryValue, type VendorQuery } from '@sim/common/vendor-query';
import { findAnthropicModel } from '@sim/anthropic/anthropic-catalogue';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import type { UsageRecord } from '@sim/anthropic/anthropic-records';
import { rfc3339 } from '@sim/anthropic/anthropic-serializers';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

export const ANALYTICS_BETA = 'analytics-usage-cost-2026-08-24';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_RANGE_MS = 31 * DAY_MS;
const EARLIEST_START_MS = Date.parse('2026-01-01T00:00:00Z');
const BUCKET_MS: Record<string, number> = { '1m': 60_000, '1h': HOUR_MS, '1d': DAY_MS };
/** The dimensions the simulator can break cost out by (the real endpoint knows many more). */
const GROUPS = ['api_key_id', 'workspace_id', 'model'] as const;
type Group = (typeof GROUPS)[number];
/** Every dimension of a real cost row's `group`; those not grouped by are null. */
const GROUP_FIELDS = [
  'actor', 'actor_type', 'agent_id', 'api_key_id', 'claude_tag_category', 'claude_tag_user_id', 'context_window',
  'cost_type', 'deployment_id', 'environment_id', 'inference_geo', 'model', 'organization_id', 'product',
  'rbac_group_id', 'service_tier', 'session_id', 'slack_channel_id', 'speed', 'token_type', 'user_profile_id',
  'workspace_id',
];

interface Range {
  start: number;
  end: number;
  bucketMs: number | null;
}

function requireBeta(request: FastifyRequest): void {
  const header = request.headers['anthropic-beta'];
  const betas = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((beta) => beta.trim());
  if (!betas.includes(ANALYTICS_BETA)) {
    throw anthropicErrors.invalidRequest(`This endpoint is in beta: send the header "anthropic-beta: ${ANALYTICS_BETA}".`);
  }
}

function readTime(query: VendorQuery, name: string): number | undefined {
  const raw = queryValue(query, name);
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw anthropicErrors.invalidRequest(`${name}: must be an RFC 3339 timestamp`);
  return ms;
}

/** Without a time bucket the report covers whole hours: both ends are rounded down to the hour. */
function readRange(query: VendorQuery, nowMs: number): Range {
  const start = readTime(query, 'starting_at');
  if (start === undefined) throw anthropicErrors.invalidRequest('starting_at: Field required');
  if (start < EARLIEST_START_MS) throw anthropicErrors.invalidRequest('starting_at: must be no earlier than 2026-01-01T00:00:00Z');
  const width = queryValue(query, 'time_bucket_width');
  const bucketMs = width === undefined ? null : BUCKET_MS[width];
  if (bucketMs === undefined) throw anthropicErrors.invalidRequest('time_bucket_width: must be one of 1m, 1h, 1d');
  const requestedEnd = readTime(query, 'ending_at');
  if (bucketMs !== null && requestedEnd === undefined) throw anthropicErrors.invalidRequest('ending_at: required when time_bucket_width is set');
  const end = requestedEnd ?? Math.min(nowMs, start + MAX_RANGE_MS);
  if (end <= start) throw anthropicErrors.invalidRequest('ending_at: must be after starting_at');
  if (end - start > MAX_RANGE_MS) throw anthropicErrors.invalidRequest('The range from starting_at to ending_at may span at most 31 days');
  if (bucketMs === 60_000 && end - start > DAY_MS) throw anthropicErrors.invalidRequest('With time_bucket_width 1m the range may span at most 24 hours');
  if (bucketMs !== null) return { start, end, bucketMs };
  return { start: start - (start % HOUR_MS), end: end - (end % HOUR_MS), bucketMs };
}

function readGroups(query: VendorQuery): Group[] {
  const groups = queryList(query, 'group_by');
  const unknown = groups.find((group) => !(GROUPS as readonly string[]).includes(group));
  if (unknown !== undefined) throw anthropicErrors.invalidRequest(`group_by: "${unknown}" is not supported`);
  if (groups.length > 5) throw anthropicErrors.invalidRequest('group_by: at most 5 dimensions');
  return groups as Group[];
}

function readLimit(query: VendorQuery): number {
  const limit = Number(queryValue(query, 'limit') ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw anthropicErrors.invalidRequest('limit: must be between 1 and 1000');
  return limit;
}

function readOffset(query: VendorQuery): number {
  const page = queryValue(query, 'page');
  if (page === undefined) return 0;
  const match = /^row:(\d+)$/.exec(Buffer.from(page, 'base64url').toString('utf8'));
  if (match === null) throw anthropicErrors.invalidRequest('page: invalid cursor');
  return Number(match[1]);
}

function filterRecords(records: UsageRecord[], query: VendorQuery, range: Range): UsageRecord[] {
  const keys = queryList(query, 'api_key_ids');
  const workspaces = queryList(query, 'workspace_ids');
  const models = queryList(query, 'models');
  return records.filter(
    (record) =>
      record.at >= range.start &&
      record.at < range.end &&
      (keys.length === 0 || keys.includes(record.apiKeyId ?? '')) &&
      (workspaces.length === 0 || (record.workspaceId !== null && workspaces.includes(record.workspaceId))) &&
      (models.length === 0 || models.includes(record.model)),
  );
}

function centsOf(record: UsageRecord): number {
  const model = findAnthropicModel(record.model);
  return (record.inputTokens * (model?.inputCentsPerMillion ?? 0) + record.outputTokens * (model?.outputCentsPerMillion ?? 0)) / 1_000_000;
}

const groupValue = (record: UsageRecord, group: Group): string | null =>
  group === 'api_key_id' ? record.apiKeyId : group === 'workspace_id' ? record.workspaceId : record.model;

function costRows(records: UsageRecord[], groups: Group[], range: Range) {
  const bucketOf = (at: number) => (range.bucketMs === null ? range.start : at - (at % range.bucketMs));
  const byRow = groupRows(records, (record) => JSON.stringify([bucketOf(record.at), ...groups.map((group) => groupValue(record, group))]));
  return [...byRow.values()].map((rows) => {
    const first = rows[0];
    const bucketStart = bucketOf(first.at);
    const bucketEnd = range.bucketMs === null ? range.end : bucketStart + range.bucketMs;
    const group = Object.fromEntries(GROUP_FIELDS.map((field) => [field, (groups as string[]).includes(field) ? groupValue(first, field as Group) : null]));
    const cents = rows.reduce((sum, record) => sum + centsOf(record), 0);
    return {
      starting_at: rfc3339(bucketStart),
      ending_at: rfc3339(bucketEnd),
      group,
      cost: { amount: cents.toFixed(6), list_amount: cents.toFixed(6), currency: 'USD', requests: rows.length },
    };
  });
}

function orderRows(rows: ReturnType<typeof costRows>, query: VendorQuery): ReturnType<typeof costRows> {
  const direction = queryValue(query, 'order') === 'asc' ? 1 : -1;
  const byTime = queryValue(query, 'order_by') === 'time' && queryValue(query, 'time_bucket_width') !== undefined;
  return rows.sort((a, b) => {
    const time = byTime ? a.starting_at.localeCompare(b.starting_at) * direction : 0;
    return time !== 0 ? time : (Number(a.cost.amount) - Number(b.cost.amount)) * (byTime ? -1 : direction);
  });
}

/** `GET /v1/organizations/analytics/cost` (beta): cost in fractional cents per requested dimension, from recorded usage. */
export function registerAnthropicAnalyticsRoutes(app: FastifyInstance, state: AnthropicState, clock: SimClock): void {
  app.get('/analytics/cost', (request) => {
    requireBeta(request);
    const query = asVendorQuery(request.query);
    const range = readRange(query, clock.nowMs());
    const groups = readGroups(query);
    const limit = readLimit(query);
    const offset = readOffset(query);
    const rows = orderRows(costRows(filterRecords(state.usage, query, range), groups, range), query);
    const data = rows.slice(offset, offset + limit);
    const hasMore = offset + limit < rows.length;
    return { data, has_more: hasMore, next_page: hasMore ? Buffer.from(`row:${offset + limit}`).toString('base64url') : null };
  });
}
