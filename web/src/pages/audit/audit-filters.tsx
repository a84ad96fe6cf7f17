import { DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.js';
import { OrgSelect } from '../../components/org-select.js';
import { AUDIT_RESULTS } from './audit-result-tag.js';

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  org?: string;
  result?: string;
  from?: string;
  to?: string;
}

const DATE_FORMAT = 'YYYY-MM-DD';

/** Actor, action, organisation, result and date-range filters for the audit log. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues;
  onChange: (v: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const set = (patch: AuditFilterValues) => onChange({ ...value, ...patch });
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) });

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('audit.actorPlaceholder')}
        onSearch={(v) => set({ actor: v.trim() || undefined })}
        style={{ width: 200 }}
        data-testid="audit-filter-actor"
      />
      <Input.Search
        allowClear
        placeholder={t('audit.actionPlaceholder')}
        onSearch={(v) => set({ action: v.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="audit-filter-action"
      />
      {can('org.read') ? (
        <OrgSelect
          allowClear
          value={value.org}
          onChange={(org) => set({ org })}
          placeholder={t('audit.org')}
          style={{ width: 240 }}
          testId="audit-filter-org"
        />
      ) : (
        <Input.Search
          allowClear
          placeholder={t('audit.org')}
          onSearch={(v) => set({ org: v.trim() || undefined })}
          style={{ width: 200 }}
          data-testid="audit-filter-org"
        />
      )}
      <Select
        allowClear
        value={value.result}
        onChange={(result: string | undefined) => set({ result })}
        placeholder={t('audit.result')}
        options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
        style={{ width: 140 }}
        data-testid="audit-filter-result"
      />
      <span data-testid="audit-filter-dates">
        <DatePicker.RangePicker onChange={onRange} allowEmpty={[true, true]} />
      </span>
    </Flex>
  );
}
