import type { Agreement, Page } from '../../api/types.js';
import { useApiQuery } from '../../hooks/use-api-query.js';

const AGREEMENTS_PAGE_SIZE = 200;

/** The caller's organisation's agreements it can read under today (approved and within their period). */
export function useCurrentAgreements() {
  const query = useApiQuery<Page<Agreement>>('/api/v1/agreements', {
    status: 'approved',
    pageSize: AGREEMENTS_PAGE_SIZE,
  });
  return { ...query, agreements: (query.data?.items ?? []).filter((a) => a.current) };
}
