import { Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org, Page } from '../api/types.js';
import { useSession } from '../auth/session-context.js';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { useApiQuery } from '../hooks/use-api-query.js';

const SEARCH_PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 300;

export interface OrgSelectProps {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Label for the current value before the search has loaded it (e.g. the row's orgName). */
  valueLabel?: string | null;
  /** Leave this organisation out (an organisation cannot be its own parent). */
  excludeCode?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
}

function orgLabel(org: Pick<Org, 'code' | 'name'>): string {
  return `${org.name}（${org.code}）`;
}

/**
 * Picks an organisation by searching `GET /api/v1/orgs` as the user types. Without
 * `org.read` (a department operator managing its own tokens) the only choice is the
 * user's own organisation.
 */
export function OrgSelect(props: OrgSelectProps) {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const canSearch = can('org.read');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const { data, loading } = useApiQuery<Page<Org>>(canSearch ? '/api/v1/orgs' : null, {
    q,
    pageSize: SEARCH_PAGE_SIZE,
  });
  const seenLabels = useRef(new Map<string, string>());

  const options = useMemo(() => {
    const found = canSearch ? (data?.items ?? []) : session ? [session.user.org] : [];
    for (const org of found) seenLabels.current.set(org.code, orgLabel(org));
    const list = found
      .filter((org) => org.code !== props.excludeCode)
      .map((org) => ({ value: org.code, label: orgLabel(org) }));
    const current = props.value;
    if (current && !list.some((o) => o.value === current)) {
      const label =
        seenLabels.current.get(current) ??
        (props.valueLabel ? orgLabel({ code: current, name: props.valueLabel }) : current);
      list.unshift({ value: current, label });
    }
    return list;
  }, [canSearch, data, session, props.excludeCode, props.value, props.valueLabel]);

  return (
    <Select
      value={props.value ?? undefined}
      onChange={(code: string | undefined) => props.onChange?.(code)}
      options={options}
      loading={loading}
      allowClear={props.allowClear}
      disabled={props.disabled}
      placeholder={props.placeholder ?? t('orgs.selectPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      notFoundContent={loading ? t('common.loading') : t('orgs.empty')}
      style={props.style}
      data-testid={props.testId}
    />
  );
}
