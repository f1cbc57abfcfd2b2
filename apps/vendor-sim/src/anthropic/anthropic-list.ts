import { queryValue, type VendorQuery } from '@sim/common/vendor-query';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';

/** Anthropic's `Page`: `{data, has_more, first_id, last_id}` with `after_id` / `before_id` cursors. */
export function anthropicPage<T>(items: T[], idOf: (item: T) => string, query: VendorQuery, maxLimit = 1000) {
  const limitRaw = queryValue(query, 'limit');
  const limit = limitRaw === undefined ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw anthropicErrors.invalidRequest(`limit: must be between 1 and ${maxLimit}`);
  }
  const afterId = queryValue(query, 'after_id');
  const beforeId = queryValue(query, 'before_id');
  let data: T[];
  let hasMore: boolean;
  if (beforeId !== undefined) {
    const index = items.findIndex((item) => idOf(item) === beforeId);
    const preceding = index === -1 ? [] : items.slice(0, index);
    data = preceding.slice(Math.max(0, preceding.length - limit));
    hasMore = preceding.length > data.length;
  } else {
    const index = afterId === undefined ? -1 : items.findIndex((item) => idOf(item) === afterId);
    const following = afterId === undefined ? items : index === -1 ? [] : items.slice(index + 1);
    data = following.slice(0, limit);
    hasMore = following.length > data.length;
  }
  return {
    data,
    has_more: hasMore,
    first_id: data.length === 0 ? null : idOf(data[0]),
    last_id: data.length === 0 ? null : idOf(data[data.length - 1]),
  };
}
