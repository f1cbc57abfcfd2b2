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
import { openAiErrors } from '@sim/openai/openai-errors';
import type { UsageRecord } from '@sim/openai/openai-records';
import type { OpenAiState } from '@sim/openai/openai-state';

const COMPLETION_GROUPS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'] as const;
const COST_GROUPS = ['project_id', 'line_item', 'api_key_id'] as const;

interface ReportWindow {
  start: number;
  end: number;
  width: BucketWidth;
  limit: number;
  page: number | undefined;
}

function readWindow(
  query: VendorQuery,
  now: number,
  widths: readonly BucketWidth[],
  maxLimit?: number,
): ReportWindow {
  const start = Number(queryValue(query, 'start_time'));
  if (!Number.isInteger(start))
    throw openAiErrors.badRequest("Missing required parameter: 'start_time'.", 'start_time');
  const endRaw = queryValue(query, 'end_time');
  const end = endRaw === undefined ? now : Number(endRaw);
  if (!Number.isInteger(end) || end <= start)
    throw openAiErrors.badRequest('end_time must be after start_time.', 'end_time');
  const width = (queryValue(query, 'bucket_width') ?? '1d') as BucketWidth;
  if (!widths.includes(width))
    throw openAiErrors.badRequest(`Invalid bucket_width: ${width}.`, 'bucket_width');
  const bounds = BUCKET_PAGE_LIMITS[width];
  const max = maxLimit ?? bounds.max;
  const limitRaw = queryValue(query, 'limit');
  const limit = limitRaw === undefined ? bounds.default : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw openAiErrors.badRequest(`limit must be between 1 and ${max} for bucket_width ${width}.`, 'limit');
  }
  const pageRaw = queryValue(query, 'page');
  const page = pageRaw === undefined ? undefined : decodePageCursor(pageRaw);
  if (page === null) throw openAiErrors.badRequest('Invalid page cursor.', 'page');
  return { start, end, width, limit, page };
}

function readGroups<T extends string>(query: VendorQuery, allowed: readonly T[]): T[] {
  const groups = queryList(query, 'group_by');
  for (const group of groups) {
    if (!(allowed as readonly string[]).includes(group))
      throw openAiErrors.badRequest(`Invalid group_by: ${group}.`, 'group_by');
  }
  return groups as T[];
}

function filterRecords(records: UsageRecord[], query: VendorQuery): UsageRecord[] {
  const projects = queryList(query, 'project_ids');
  const keys = queryList(query, 'api_key_ids');
  const models = queryList(query, 'models');
  return records.filter(
    (record) =>
      (projects.length === 0 || projects.includes(record.projectId)) &&
      (keys.length === 0 || (record.apiKeyId !== null && keys.includes(record.apiKeyId))) &&
      (models.length === 0 || models.includes(record.model)),
  );
}

const sum = (records: UsageRecord[], pick: (record: UsageRecord) => number) =>
  records.reduce((total, record) => total + pick(record), 0);

/** `/organization/usage/completions` and `/organization/costs`, computed from recorded inference. */
export function registerOpenAiUsageRoutes(app: FastifyInstance, state: OpenAiState, clock: SimClock): void {
  app.get('/usage/completions', (request) => {
    const query = asVendorQuery(request.query);
    const window = readWindow(query, clock.nowSeconds(), BUCKET_WIDTHS);
    const groups = readGroups(query, COMPLETION_GROUPS);
    const records = filterRecords(state.usage, query);
    const page = bucketPage(window.start, window.end, window.width, window.limit, window.page);
    const data = page.buckets.map((bucket) => {
      const inBucket = records.filter((record) => record.at >= bucket.start && record.at < bucket.end);
      const grouped = groupRows(inBucket, (record) =>
        JSON.stringify([
          groups.includes('project_id') ? record.projectId : null,
          groups.includes('api_key_id') ? record.apiKeyId : null,
          groups.includes('model') ? record.model : null,
        ]),
      );
      const results = [...grouped.values()].map((rows) => {
        const first = rows[0];
        const inputTokens = sum(rows, (record) => record.inputTokens);
        const outputTokens = sum(rows, (record) => record.outputTokens);
        return {
          object: 'organization.usage.completions.result',
          input_tokens: inputTokens,
          output_tokens: outputTokens,
          num_model_requests: sum(rows, (record) => record.requests),
          input_cached_tokens: 0,
          input_uncached_tokens: inputTokens,
          input_text_tokens: inputTokens,
          output_text_tokens: outputTokens,
          input_audio_tokens: 0,
          output_audio_tokens: 0,
          project_id: groups.includes('project_id') ? first.projectId : null,
          user_id: null,
          api_key_id: groups.includes('api_key_id') ? first.apiKeyId : null,
          model: groups.includes('model') ? first.model : null,
          batch: groups.includes('batch') ? false : null,
          service_tier: groups.includes('service_tier') ? 'default' : null,
        };
      });
      return { object: 'bucket', start_time: bucket.start, end_time: bucket.end, results };
    });
    return { object: 'page', data, has_more: page.nextPage !== null, next_page: page.nextPage };
  });

  app.get('/costs', (request) => {
    const query = asVendorQuery(request.query);
    const window = readWindow(query, clock.nowSeconds(), ['1d'], 180);
    const groups = readGroups(query, COST_GROUPS);
    const records = filterRecords(state.usage, query);
    const page = bucketPage(window.start, window.end, window.width, window.limit, window.page);
    const data = page.buckets.map((bucket) => {
      const inBucket = records.filter((record) => record.at >= bucket.start && record.at < bucket.end);
      const grouped = groupRows(inBucket, (record) =>
        JSON.stringify([
          groups.includes('project_id') ? record.projectId : null,
          groups.includes('api_key_id') ? record.apiKeyId : null,
          groups.includes('line_item') ? record.model : null,
        ]),
      );
      const results = [...grouped.values()].map((rows) => {
        const first = rows[0];
        return {
          object: 'organization.costs.result',
          amount: { value: sum(rows, (record) => record.costCents) / 100, currency: 'usd' },
          line_item: groups.includes('line_item') ? first.model : null,
          project_id: groups.includes('project_id') ? first.projectId : null,
          api_key_id: groups.includes('api_key_id') ? first.apiKeyId : null,
          quantity: groups.includes('line_item')
            ? sum(rows, (record) => record.inputTokens + record.outputTokens)
            : null,
          quantity_unit: groups.includes('line_item') ? 'tokens' : null,
        };
      });
      return { object: 'bucket', start_time: bucket.start, end_time: bucket.end, results };
    });
    return { object: 'page', data, has_more: page.nextPage !== null, next_page: page.nextPage };
  });
}
