import { Flex, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../../api/client.js';
import type { Agreement, DueList } from '../../api/types.js';
import { DownloadButton } from '../../components/download-button.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useDebouncedValue } from '../../hooks/use-debounced-value.js';
import { useSharingLabels } from './use-sharing-labels.js';

const DEFAULT_WEEKS = 4;
const MAX_WEEKS = 52;
const WEEKS_DEBOUNCE_MS = 400;

/** A hospital's list of women due in the next N weeks in its catchment, with XLSX/CSV downloads. */
export function DueListPanel({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const [weeksInput, setWeeksInput] = useState<number>(DEFAULT_WEEKS);
  const weeks = useDebouncedValue(weeksInput, WEEKS_DEBOUNCE_MS);
  const { data, error, loading, reload } = useApiQuery<DueList>('/api/v1/downloads/due-list', {
    weeks,
    agreement: agreement.id,
  });
  const url = (format: 'csv' | 'xlsx') =>
    buildUrl('/api/v1/downloads/due-list', { weeks, agreement: agreement.id, format });

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Typography.Text>{t('sharing.due.weeks')}</Typography.Text>
        <InputNumber
          min={1}
          max={MAX_WEEKS}
          precision={0}
          value={weeksInput}
          onChange={(v) => setWeeksInput(typeof v === 'number' ? v : DEFAULT_WEEKS)}
          suffix={t('sharing.due.weeksUnit')}
          style={{ width: 120 }}
          data-testid="due-weeks"
        />
        <DownloadButton url={url('xlsx')} fallbackName={`due-list-${weeks}w.xlsx`} testId="due-xlsx" type="primary">
          {t('sharing.due.xlsx')}
        </DownloadButton>
        <DownloadButton url={url('csv')} fallbackName={`due-list-${weeks}w.csv`} testId="due-csv">
          {t('sharing.due.csv')}
        </DownloadButton>
      </Flex>
      {data && (
        <Typography.Text type="secondary" data-testid="due-summary" data-total={data.total}>
          {t('sharing.due.summary', { from: data.from, to: data.to, total: data.total })}
        </Typography.Text>
      )}
      {error !== null && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<Record<string, unknown>>
          rowKey={(row, index) => String(row['id_number'] ?? index)}
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={(data?.fields ?? []).map((field) => ({
            title: labels.personField(field),
            dataIndex: field,
            render: (v: unknown) => (v === null || v === undefined ? '—' : String(v)),
          }))}
          locale={{ emptyText: <EmptyState title={t('sharing.due.empty')} /> }}
          data-testid="due-table"
        />
      )}
    </Flex>
  );
}
