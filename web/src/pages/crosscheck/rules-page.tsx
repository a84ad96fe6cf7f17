import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CrosscheckRuleInfo } from '../../api/types.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { useCrosscheckLabels, useCrosscheckRules } from './use-crosscheck-labels.js';

const SEVERITY_COLORS = { high: 'red', medium: 'orange', low: 'blue' } as const;

/** `/crosscheck/rules`: each rule's definition (sources, grace period, responsibility, automatic closing) and its open cases. */
export function RulesPage() {
  const { t } = useTranslation();
  const labels = useCrosscheckLabels();
  const { data, error, loading, reload } = useCrosscheckRules();
  const catalog = useCatalog();
  const exchange = useExchangeLabels();
  const days = (n: number) => (n > 0 ? t('crosscheck.rules.days', { count: n }) : t('crosscheck.rules.none'));

  const columns: TableColumnsType<CrosscheckRuleInfo> = [
    {
      title: t('crosscheck.rules.rule'),
      key: 'rule',
      width: 260,
      render: (_, r) => (
        <>
          <Typography.Text strong>{labels.text(r.description)}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <code>{r.id}</code> v{r.version}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('crosscheck.rules.severity'),
      dataIndex: 'severity',
      width: 90,
      render: (s: CrosscheckRuleInfo['severity']) => <Tag color={SEVERITY_COLORS[s]}>{labels.severity(s)}</Tag>,
    },
    {
      title: t('crosscheck.rules.sources'),
      dataIndex: 'sources',
      width: 210,
      render: (sources: string[]) =>
        sources.map((s) =>
          s === '*' ? (
            <Tag key={s}>{t('crosscheck.rules.allSources')}</Tag>
          ) : (
            <Tooltip key={s} title={s}>
              <Tag data-testid={`rules-source-${s}`}>{exchange.typeKey(catalog.data, s)}</Tag>
            </Tooltip>
          ),
        ),
    },
    { title: t('crosscheck.rules.grace'), dataIndex: 'graceDays', width: 80, render: days },
    { title: t('crosscheck.rules.dueDays'), dataIndex: 'dueDays', width: 80, render: days },
    {
      title: t('crosscheck.rules.responsible'),
      dataIndex: 'responsible',
      width: 120,
      render: (v: string) => labels.responsible(v),
    },
    {
      title: t('crosscheck.rules.autoClose'),
      dataIndex: 'autoClose',
      width: 200,
      render: (v: CrosscheckRuleInfo['autoClose']) => labels.text(v),
    },
    {
      title: t('crosscheck.rules.openCases'),
      dataIndex: 'openCases',
      width: 80,
      align: 'right',
      render: (n: number, r) => (
        <Link to={`/crosscheck/cases?rule=${encodeURIComponent(r.id)}`} data-testid={`rules-open-${r.id}`}>
          {n}
        </Link>
      ),
    },
  ];

  if (error !== null && !data) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader title={t('crosscheck.rules.title')} subtitle={t('crosscheck.rules.subtitle')} />
      <Card>
        <Table<CrosscheckRuleInfo>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 1030 }}
          onRow={(r) => ({ 'data-testid': `rules-row-${r.id}` }) as never}
          locale={{ emptyText: <EmptyState title={t('crosscheck.rules.none')} /> }}
          data-testid="rules-table"
        />
      </Card>
    </>
  );
}
