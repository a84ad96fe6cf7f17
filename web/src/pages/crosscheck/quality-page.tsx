import { Card, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { QualityUnit } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeader } from '../../components/page-header.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useCrosscheckLabels, useCrosscheckRules } from './use-crosscheck-labels.js';

const BAR_COLORS = { open: '#fa8c16', resolved: '#52c41a', dismissed: '#bfbfbf' } as const;

/** `/crosscheck/quality` (数据质量): per responsible unit, the cases its data caused and what became of them; period and unit kept in the address. */
export function QualityPage() {
  const { t } = useTranslation();
  const labels = useCrosscheckLabels();
  const rules = useCrosscheckRules();
  const { session } = useSession();
  const isBureau = session?.user.org.type === 'bureau';
  const isVillage = session?.user.org.type === 'village';
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const unit = params.get('unit') ?? undefined;
  const [periodText, setPeriodText] = useState(period ?? '');
  const { data, error, loading, reload } = useApiQuery<{ period: string | null; items: QualityUnit[] }>('/api/v1/crosscheck/quality', { period, unit });
  const setFilter = (key: 'period' | 'unit', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const ruleText = (id: string) => labels.text(rules.data?.items.find((r) => r.id === id)?.description) ?? id;
  const unitText = (u: QualityUnit) => (u.unitName ? `${u.unitName}（${u.unit}）` : (u.unit ?? '—'));
  const median = (v: number | null) => (v === null ? '—' : v.toFixed(1));

  const columns: TableColumnsType<QualityUnit> = [
    { title: t('crosscheck.quality.unit'), key: 'unit', render: (_, u) => unitText(u) },
    { title: t('crosscheck.quality.open'), dataIndex: 'open', width: 90, align: 'right' },
    { title: t('crosscheck.quality.resolved'), dataIndex: 'resolved', width: 90, align: 'right' },
    { title: t('crosscheck.quality.dismissed'), dataIndex: 'dismissed', width: 90, align: 'right' },
    { title: t('crosscheck.quality.total'), dataIndex: 'total', width: 90, align: 'right' },
    { title: t('crosscheck.quality.median'), dataIndex: 'medianDaysToResolve', width: 150, align: 'right', render: median },
  ];
  const ruleColumns: TableColumnsType<QualityUnit['byRule'][number]> = [
    { title: t('crosscheck.quality.rule'), dataIndex: 'rule', render: (id: string) => ruleText(id) },
    { title: t('crosscheck.quality.open'), dataIndex: 'open', width: 90, align: 'right' },
    { title: t('crosscheck.quality.resolved'), dataIndex: 'resolved', width: 90, align: 'right' },
    { title: t('crosscheck.quality.dismissed'), dataIndex: 'dismissed', width: 90, align: 'right' },
    { title: t('crosscheck.quality.median'), dataIndex: 'medianDaysToResolve', width: 150, align: 'right', render: median },
  ];
  const items = data?.items ?? [];

  return (
    <>
      <PageHeader title={t('crosscheck.quality.title')} subtitle={t(isVillage ? 'crosscheck.quality.subtitleVillage' : 'crosscheck.quality.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('crosscheck.quality.period')}
            placeholder={t('crosscheck.quality.periodPlaceholder')}
            value={periodText}
            onChange={(e) => setPeriodText(e.target.value)}
            onSearch={(v) => setFilter('period', v.trim() || undefined)}
            enterButton={t('crosscheck.quality.apply')}
            allowClear
            style={{ width: 340 }}
            data-testid="quality-period"
          />
          {isBureau && (
            <OrgSelect allowClear value={unit ?? null} onChange={(v) => setFilter('unit', v)} placeholder={t('crosscheck.quality.allUnits')} style={{ width: 260 }} testId="quality-unit" />
          )}
        </Space>
        {error !== null ? (
          <ErrorState error={error} onRetry={reload} />
        ) : !loading && items.length === 0 ? (
          <EmptyState title={t('crosscheck.quality.empty')} hint={t('crosscheck.quality.emptyHint')} />
        ) : (
          <>
            <QualityBars items={items} unitText={unitText} />
            <Table<QualityUnit>
              rowKey={(u) => u.unit ?? '—'}
              size="middle"
              columns={columns}
              dataSource={items}
              loading={loading}
              pagination={false}
              expandable={{
                expandedRowRender: (u) => <Table rowKey="rule" size="small" columns={ruleColumns} dataSource={u.byRule} pagination={false} title={() => t('crosscheck.quality.byRule')} />,
              }}
              data-testid="quality-table"
            />
          </>
        )}
      </Card>
    </>
  );
}

/** A stacked bar per unit (open, resolved, dismissed), made of divs; each bar says its numbers to screen readers. */
function QualityBars({ items, unitText }: { items: QualityUnit[]; unitText: (u: QualityUnit) => string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...items.map((u) => u.total));
  return (
    <figure style={{ margin: '0 0 16px' }} data-testid="quality-chart">
      <figcaption>
        <Typography.Text strong>{t('crosscheck.quality.chart')}</Typography.Text>
        <Space size={12} style={{ marginLeft: 16, fontSize: 12 }} aria-hidden>
          {(['open', 'resolved', 'dismissed'] as const).map((k) => (
            <span key={k}>
              <span style={{ display: 'inline-block', width: 10, height: 10, background: BAR_COLORS[k], marginRight: 4 }} />
              {t(`crosscheck.quality.${k}`)}
            </span>
          ))}
        </Space>
      </figcaption>
      <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {items.map((u) => (
          <li
            key={u.unit ?? '—'}
            role="img"
            aria-label={t('crosscheck.quality.chartLabel', { unit: unitText(u), open: u.open, resolved: u.resolved, dismissed: u.dismissed })}
            style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}
            data-testid={`quality-bar-${u.unit ?? 'none'}`}
          >
            <span style={{ width: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: 12 }}>{unitText(u)}</span>
            <span style={{ flex: 1, display: 'flex', height: 14, background: '#f5f5f5' }}>
              {(['open', 'resolved', 'dismissed'] as const).map((k) => (
                <span key={k} style={{ width: `${(u[k] / max) * 100}%`, background: BAR_COLORS[k] }} />
              ))}
            </span>
            <span style={{ width: 40, textAlign: 'right', fontSize: 12 }}>{u.total}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
