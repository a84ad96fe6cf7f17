import { DatePicker, Flex, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '../../../api/types.js';
import { OrgSelect } from '../../../components/org-select.js';
import { useLabels } from '../../../i18n/use-labels.js';
import type { CatalogIndex } from '../use-catalog.js';
import { groupByDepartment } from '../use-catalog.js';
import { useExchangeLabels } from '../use-exchange-labels.js';

export interface SubmissionFilterValues {
  type?: string;
  status?: SubmissionStatus;
  org?: string;
  /** ISO instants: the start of the first day and the end of the last, in local time. */
  from?: string;
  to?: string;
}

const STATUSES: readonly SubmissionStatus[] = ['processing', 'committed', 'rejected', 'failed'];

/** Type, status, date range and (for the bureau) organisation filters of the submissions list. */
export function SubmissionFilters({
  value,
  onChange,
  catalog,
  showOrg,
}: {
  value: SubmissionFilterValues;
  onChange: (v: SubmissionFilterValues) => void;
  catalog: CatalogIndex | undefined;
  showOrg: boolean;
}) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const orgLabels = useLabels();
  const set = (patch: SubmissionFilterValues) => onChange({ ...value, ...patch });
  // The server compares received_at (UTC ISO) as text; local day bounds as instants keep the clerk's days.
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: range?.[0]?.startOf('day').toISOString(), to: range?.[1]?.endOf('day').toISOString() });
  const typeOptions = groupByDepartment(catalog?.types ?? []).map((group) => ({
    label: orgLabels.orgType(group.department),
    title: group.department,
    options: group.types.map((type) => ({ value: type.key, label: `${labels.type(type)}（${type.key}）` })),
  }));

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      {showOrg && (
        <OrgSelect
          allowClear
          value={value.org}
          onChange={(org) => set({ org })}
          placeholder={t('exchange.submissions.org')}
          style={{ width: 240 }}
          testId="submissions-filter-org"
        />
      )}
      <Select
        allowClear
        value={value.type}
        onChange={(type: string | undefined) => set({ type })}
        placeholder={t('exchange.submissions.type')}
        options={typeOptions}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 260 }}
        data-testid="submissions-filter-type"
      />
      <Select
        allowClear
        value={value.status}
        onChange={(status: SubmissionStatus | undefined) => set({ status })}
        placeholder={t('exchange.submissions.status')}
        options={STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        style={{ width: 150 }}
        data-testid="submissions-filter-status"
      />
      <span data-testid="submissions-filter-dates">
        <DatePicker.RangePicker
          onChange={onRange}
          allowEmpty={[true, true]}
          placeholder={[t('exchange.submissions.dateRange'), t('exchange.submissions.dateRange')]}
        />
      </span>
    </Flex>
  );
}
