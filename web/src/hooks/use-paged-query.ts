import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client.js';
import type { Page } from '../api/types.js';
import { useApiQuery } from './use-api-query.js';
import type { ApiQuery } from './use-api-query.js';

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

export interface PagedQuery<T> extends ApiQuery<Page<T>> {
  /** Ready to pass to an antd Table's `pagination`. */
  pagination: TablePaginationConfig;
}

/**
 * Loads one page of a list route (`{items,total}`) with `page`/`pageSize`; going back to the
 * first page whenever the filters change, so a narrower filter never shows an empty page 7.
 */
export function usePagedQuery<T>(path: string, filters: Query): PagedQuery<T> {
  const { t } = useTranslation();
  const filtersKey = JSON.stringify(filters);
  const [paging, setPaging] = useState({ key: filtersKey, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  if (paging.key !== filtersKey) setPaging({ ...paging, key: filtersKey, page: 1 });
  const page = paging.key === filtersKey ? paging.page : 1;
  const query = useApiQuery<Page<T>>(path, { ...filters, page, pageSize: paging.pageSize });
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize: paging.pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (total) => t('common.total', { total }),
    onChange: (nextPage, nextSize) =>
      setPaging({ key: filtersKey, page: nextSize === paging.pageSize ? nextPage : 1, pageSize: nextSize }),
  };
  return { ...query, pagination };
}
