import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error.js';
import { seg } from '../../api/client.js';
import type { AgreementArea, AgreementDetail, Division } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { AgreementDecision } from './agreement-decision.js';
import { usePeriodLabel } from './agreement-scope-summary.js';
import { AgreementStatusTag } from './agreement-status-tag.js';
import { useSharingLabels } from './use-sharing-labels.js';
import { WebhooksPanel } from './webhooks-panel.js';

/** `/sharing/agreements/:id`: what an agreement shares, its history, and (for the bureau) the decision panel. */
export function AgreementDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const catalog = useCatalog();
  const { data, error, loading, reload } = useApiQuery<AgreementDetail>(`/api/v1/agreements/${seg(id)}`);
  const back = (
    <Link to="/sharing/agreements" data-testid="agreement-back">
      <Button icon={<ArrowLeftOutlined />}>{t('sharing.detail.back')}</Button>
    </Link>
  );
  if (error !== null && !data) {
    return (
      <>
        <PageHeader title={t('sharing.detail.info')} extra={back} />
        {isApiError(error, 'NOT_FOUND') ? (
          <Card>
            <EmptyState title={t('sharing.detail.notFound')} />
          </Card>
        ) : (
          <ErrorState error={error} onRetry={reload} />
        )}
      </>
    );
  }
  if (!data || (loading && data.id !== id)) return <LoadingState />;
  return (
    <>
      <PageHeader title={data.title} subtitle={<code>{data.id}</code>} extra={back} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <AgreementInfo agreement={data} />
        <AgreementScopeCard agreement={data} />
        {can('agreement.decide') && (
          <AgreementDecision
            key={`${data.id}-${data.version}`}
            agreement={data}
            catalog={catalog.data}
            onDecided={reload}
          />
        )}
        {can('agreement.decide') && can('webhook.manage') && data.status === 'approved' && Object.keys(data.eventFields).length > 0 && (
          <Card title={t('sharing.myData.tabWebhooks')} data-testid="agreement-webhooks">
            <WebhooksPanel agreement={data} />
          </Card>
        )}
        <AgreementHistory agreement={data} />
      </Space>
    </>
  );
}

function AgreementInfo({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const periodLabel = usePeriodLabel();
  return (
    <Card
      title={t('sharing.detail.info')}
      extra={
        agreement.current &&
        can('shared.read') && (
          <Link
            to={`/sharing/my-data?agreement=${encodeURIComponent(agreement.id)}`}
            data-testid="agreement-open-my-data"
          >
            {t('sharing.detail.openMyData')}
          </Link>
        )
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'org',
            label: t('sharing.agreements.org'),
            children: `${agreement.orgName ?? ''}（${agreement.orgCode}）`,
          },
          {
            key: 'status',
            label: t('sharing.agreements.status'),
            children: (
              <Space>
                <AgreementStatusTag status={agreement.status} testId="agreement-status" />
                {agreement.current && <Tag color="blue">{t('sharing.agreements.current')}</Tag>}
              </Space>
            ),
          },
          { key: 'purpose', label: t('sharing.request.purpose'), children: agreement.purpose, span: 2 },
          { key: 'period', label: t('sharing.agreements.period'), children: periodLabel(agreement) },
          { key: 'version', label: t('sharing.detail.version'), children: agreement.version },
          { key: 'requestedBy', label: t('sharing.detail.requestedBy'), children: agreement.requestedBy },
          {
            key: 'requestedAt',
            label: t('sharing.detail.requestedAt'),
            children: formatDateTime(agreement.requestedAt),
          },
          { key: 'decidedBy', label: t('sharing.detail.decidedBy'), children: agreement.decidedBy ?? '—' },
          { key: 'decidedAt', label: t('sharing.detail.decidedAt'), children: formatDateTime(agreement.decidedAt) },
          { key: 'note', label: t('sharing.detail.note'), children: agreement.note ?? '—', span: 2 },
        ]}
      />
    </Card>
  );
}

function useAreaLabel(area: AgreementArea): string {
  const { t } = useTranslation();
  const divisions = useApiQuery<{ items: Division[] }>(area.mode === 'divisions' ? '/api/v1/divisions' : null);
  return useMemo(() => {
    if (area.mode === 'jurisdiction') return t('sharing.request.areaJurisdiction');
    const byCode = new Map((divisions.data?.items ?? []).map((d) => [d.code, d]));
    return area.codes
      .map((code) => {
        const division = byCode.get(code);
        return division?.level === 'district' ? t('sharing.detail.areaWhole') : (division?.name ?? code);
      })
      .join('、');
  }, [area, divisions.data, t]);
}

function AgreementScopeCard({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const labels = useExchangeLabels();
  const sharing = useSharingLabels();
  const area = useAreaLabel(agreement.area);
  const types = Object.entries(agreement.eventFields);
  return (
    <Card title={t('sharing.detail.scope')} data-testid="agreement-scope">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'area', label: t('sharing.request.area'), children: <span data-testid="agreement-area">{area}</span> },
          {
            key: 'persons',
            label: t('sharing.agreements.personFields'),
            children:
              agreement.personFields.length > 0 ? (
                <Space wrap size={[4, 4]}>
                  {agreement.personFields.map((f) => (
                    <Tag key={f}>{sharing.personField(f)}</Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('sharing.detail.noPersonFields')}</Typography.Text>
              ),
          },
        ]}
      />
      {types.length === 0 ? (
        <Typography.Text type="secondary">{t('sharing.detail.noTypes')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {types.map(([key, fields]) => {
            const type = catalog.data?.byKey.get(key);
            return (
              <div key={key} data-testid={`agreement-scope-${key}`}>
                <Typography.Text strong>{labels.typeKey(catalog.data, key)}</Typography.Text>{' '}
                <Typography.Text code>{key}</Typography.Text>
                <div>
                  <Space wrap size={[4, 4]}>
                    {fields.map((f) => (
                      <Tag key={f} data-field={f}>
                        {labels.fieldKey(type, f)}
                      </Tag>
                    ))}
                  </Space>
                </div>
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}

function AgreementHistory({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  return (
    <Card title={t('sharing.detail.history')}>
      <Table
        rowKey={(row) => `${row.version}-${row.action}`}
        size="small"
        pagination={false}
        dataSource={agreement.history}
        columns={[
          { title: t('sharing.detail.version'), dataIndex: 'version', width: 70 },
          {
            title: t('sharing.detail.action'),
            dataIndex: 'action',
            width: 110,
            render: (a: string) => labels.historyAction(a),
          },
          { title: t('sharing.detail.actor'), dataIndex: 'actor', width: 160 },
          { title: t('sharing.detail.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
          { title: t('sharing.detail.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        ]}
        data-testid="agreement-history"
      />
    </Card>
  );
}
