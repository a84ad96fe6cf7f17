import { DatePicker, Flex, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUrl, seg } from '../../api/client.js';
import type { Agreement } from '../../api/types.js';
import { DownloadButton } from '../../components/download-button.js';
import type { CatalogIndex } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';

/** The month a monthly download starts at: the last full month. */
export function lastMonth(): Dayjs {
  return dayjs().subtract(1, 'month').startOf('month');
}

/** URL of an agreement's export for a month, optionally one type. */
export function exportUrl(agreementId: string, month: Dayjs, format: 'csv' | 'xlsx', type?: string): string {
  return buildUrl(`/api/v1/agreements/${seg(agreementId)}/export`, { month: month.format('YYYY-MM'), type, format });
}

/** Month picker and XLSX/CSV buttons for an agreement's events of a month. */
export function ExportPanel({ agreement, catalog }: { agreement: Agreement; catalog: CatalogIndex | undefined }) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const [month, setMonth] = useState<Dayjs>(lastMonth);
  const [type, setType] = useState<string | undefined>(undefined);
  const types = Object.keys(agreement.eventFields);
  const name = `${agreement.id}-${month.format('YYYY-MM')}`;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('sharing.export.hint')}</Typography.Text>
      <Flex gap={12} wrap align="center">
        <span data-testid="export-month">
          <DatePicker
            picker="month"
            value={month}
            allowClear={false}
            onChange={(value: Dayjs | null) => value && setMonth(value.startOf('month'))}
            placeholder={t('sharing.export.month')}
          />
        </span>
        {types.length > 1 && (
          <Select
            allowClear
            value={type}
            onChange={(v: string | undefined) => setType(v)}
            placeholder={t('sharing.export.type')}
            options={types.map((key) => ({ value: key, label: labels.typeKey(catalog, key) }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            data-testid="export-type"
          />
        )}
        <DownloadButton
          url={exportUrl(agreement.id, month, 'xlsx', type)}
          fallbackName={`${name}.xlsx`}
          testId="export-xlsx"
          type="primary"
        >
          {t('sharing.export.xlsx')}
        </DownloadButton>
        <DownloadButton
          url={exportUrl(agreement.id, month, 'csv', type)}
          fallbackName={`${name}.csv`}
          testId="export-csv"
        >
          {t('sharing.export.csv')}
        </DownloadButton>
      </Flex>
    </Flex>
  );
}
