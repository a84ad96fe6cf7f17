import { Card, DatePicker, Flex, Select, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { exportUrl, lastMonth } from './export-panel.js';
import { useCurrentAgreements } from './use-current-agreements.js';
import { useMonthCounts } from './use-month-counts.js';
import type { MonthCount } from './use-month-counts.js';

/** `/sharing/town-downloads`: a town's month of changes, counted per event type, as XLSX or CSV. */
export function TownDownloadsPage() {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const catalog = useCatalog();
  const [month, setMonth] = useState<Dayjs>(lastMonth);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const current = useCurrentAgreements();
  // The change agreement shares the most event types; a town usually has just the one.
  const agreements = current.agreements
    .filter((a) => Object.keys(a.eventFields).length > 0)
    .sort((a, b) => Object.keys(b.eventFields).length - Object.keys(a.eventFields).length);
  const agreement = agreements.find((a) => a.id === picked) ?? agreements[0];
  const counts = useMonthCounts(agreement?.id, month);
  const monthLabel = month.format('YYYY-MM');
  const typeLabel = (zhLabel: string) => {
    const type = catalog.data?.types.find((ty) => ty.labelZh === zhLabel);
    return type ? labels.type(type) : zhLabel;
  };
  const total = (counts.data ?? []).reduce((sum, c) => sum + c.total, 0);

  const header = <PageHeader title={t('sharing.town.title')} subtitle={t('sharing.town.subtitle')} />;
  if (current.error !== null && !current.data) {
    return (
      <>
        {header}
        <ErrorState error={current.error} onRetry={current.reload} />
      </>
    );
  }
  if (!current.data) return <LoadingState />;
  if (!agreement) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title={t('sharing.town.noAgreement')} hint={t('sharing.town.noAgreementHint')} />
        </Card>
      </>
    );
  }
  const name = `${agreement.id}-${monthLabel}`;
  return (
    <>
      {header}
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('sharing.town.month')}</Typography.Text>
          <span data-testid="town-month">
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              onChange={(value: Dayjs | null) => value && setMonth(value.startOf('month'))}
            />
          </span>
          <Typography.Text>{t('sharing.town.agreement')}</Typography.Text>
          <Select
            value={agreement.id}
            onChange={(id: string) => setPicked(id)}
            options={agreements.map((a) => ({ value: a.id, label: `${a.title}（${a.id}）` }))}
            style={{ minWidth: 320 }}
            data-testid="town-agreement"
          />
          <DownloadButton
            url={exportUrl(agreement.id, month, 'xlsx')}
            fallbackName={`${name}.xlsx`}
            testId="town-xlsx"
            type="primary"
          >
            {t('sharing.town.xlsx')}
          </DownloadButton>
          <DownloadButton url={exportUrl(agreement.id, month, 'csv')} fallbackName={`${name}.csv`} testId="town-csv">
            {t('sharing.town.csv')}
          </DownloadButton>
        </Flex>
        {counts.error !== null && counts.data && <QueryErrorAlert error={counts.error} onRetry={counts.reload} />}
        {counts.error !== null && !counts.data ? (
          <ErrorState error={counts.error} onRetry={counts.reload} />
        ) : (
          <>
            <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 12 }}>
              <div>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('sharing.town.counts', { month: monthLabel })}
                </Typography.Title>
                <Typography.Text type="secondary">{t('sharing.town.countsHint')}</Typography.Text>
              </div>
              <Statistic
                title={t('sharing.town.total')}
                value={counts.loading ? '…' : total}
                groupSeparator=""
                data-testid="town-total"
                data-value={counts.loading ? '' : total}
                data-month={monthLabel}
              />
            </Flex>
            <Table<MonthCount>
              rowKey="typeLabel"
              size="small"
              loading={counts.loading}
              pagination={false}
              dataSource={counts.data ?? []}
              onRow={(row) => ({ 'data-testid': `town-count-${row.typeLabel}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('sharing.town.type'), dataIndex: 'typeLabel', render: (label: string) => typeLabel(label) },
                { title: t('sharing.town.created'), dataIndex: 'created', width: 110, align: 'right' },
                { title: t('sharing.town.corrected'), dataIndex: 'corrected', width: 110, align: 'right' },
                { title: t('sharing.town.cancelled'), dataIndex: 'cancelled', width: 110, align: 'right' },
                { title: t('sharing.town.total'), dataIndex: 'total', width: 110, align: 'right' },
              ]}
              locale={{
                emptyText: <EmptyState title={t('sharing.town.emptyMonth')} hint={t('sharing.town.emptyMonthHint')} />,
              }}
              data-testid="town-counts"
            />
          </>
        )}
      </Card>
    </>
  );
}
