import { queryValue, type VendorQuery } from '@sim/common/vendor-query';
import { openAiErrors } from '@sim/openai/openai-errors';

/** OpenAI's admin list envelope with `after`/`before` cursors on object ids. */
export function openAiList<T extends { id: string }>(items: T[], query: VendorQuery, defaultLimit = 20) {
  const limit = readLimit(queryValue(query, 'limit'), defaultLimit);
  const after = queryValue(query, 'after');
  const before = queryValue(query, 'before');
  let window = items;
  if (after !== undefined) {
    const index = items.findIndex((item) => item.id === after);
    window = index === -1 ? [] : items.slice(index + 1);
  } else if (before !== undefined) {
    const index = items.findIndex((item) => item.id === before);
    window = index === -1 ? [] : items.slice(Math.max(0, index - limit), index);
  }
  const data = window.slice(0, limit);
  return {
    object: 'list' as const,
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: window.length > data.length,
  };
}

function readLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw openAiErrors.badRequest('limit must be an integer between 1 and 100.', 'limit');
  }
  return limit;
}
