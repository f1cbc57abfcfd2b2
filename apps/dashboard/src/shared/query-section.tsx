import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/shared/error-alert';
import { LoadingRows } from '@/shared/loading-rows';

interface QuerySectionProps<T> {
  query: UseQueryResult<T>;
  label: string;
  children: (data: T) => ReactNode;
}

/** The loading, error and data states of one query, the same way on every page. */
export function QuerySection<T>({ query, label, children }: QuerySectionProps<T>) {
  if (query.isPending) return <LoadingRows label={`Loading ${label}`} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
