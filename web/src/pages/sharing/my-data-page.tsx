import { Button, Card, Descriptions, Flex, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Agreement } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useCatalog } from '../exchange/use-catalog.js';
import type { CatalogIndex } from '../exchange/use-catalog.js';
import { AgreementTypesSummary, usePeriodLabel } from './agreement-scope-summary.js';
import { DueListPanel } from './due-list-panel.js';
import { ExportPanel } from './export-panel.js';
import { FeedPreview } from './feed-preview.js';
import { DUE_DATE_FIELD } from './person-fields.js';
import { useCurrentAgreements } from './use-current-agreements.js';
import { useSharingLabels } from './use-sharing-labels.js';
import { WebhooksPanel } from './webhooks-panel.js';

/** `/sharing/my-data` (`?agreement=<id>` picks one): a department's current agreements and what it can read under each. */
export function MyDataPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const catalog = useCatalog();
  const [params, setParams] = useSearchParams();
  const { agreements, data, error, loading, reload } = useCurrentAgreements();
  const chosen = agreements.find((a) => a.id === params.get('agreement')) ?? agreements[0];

  const header = <PageHeader title={t('sharing.myData.title')} subtitle={t('sharing.myData.subtitle')} />;
  if (error !== null && !data) {
    return (
      <>
        {header}
        <ErrorState error={error} onRetry={reload} />
      </>
    );
  }
  if (loading && !data) return <LoadingState />;
  if (!chosen) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            title={t('sharing.myData.empty')}
            hint={t('sharing.myData.emptyHint')}
            action={
              can('agreement.request') && (
                <Link to="/sharing/agreements">
                  <Button type="primary">{t('sharing.myData.goRequest')}</Button>
                </Link>
              )
            }
          />
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <Flex vertical gap={16}>
        <Select
          value={chosen.id}
          onChange={(id: string) => setParams({ agreement: id })}
          options={agreements.map((a) => ({ value: a.id, label: `${a.title}（${a.id}）` }))}
          style={{ maxWidth: 560 }}
          data-testid="mydata-agreement"
        />
        <AgreementCard key={chosen.id} agreement={chosen} catalog={catalog.data} canWebhooks={can('webhook.manage')} />
      </Flex>
    </>
  );
}

function AgreementCard({
  agreement,
  catalog,
  canWebhooks,
}: {
  agreement: Agreement;
  catalog: CatalogIndex | undefined;
  canWebhooks: boolean;
}) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  const periodLabel = usePeriodLabel();
  const hasEvents = Object.keys(agreement.eventFields).length > 0;
  const tab = (key: string, label: string) => <span data-testid={`mydata-tab-${key}`}>{label}</span>;
  const items = [
    ...(hasEvents
      ? [
          {
            key: 'feed',
            label: tab('feed', t('sharing.myData.tabFeed')),
            children: <FeedPreview agreement={agreement} catalog={catalog} />,
          },
          {
            key: 'export',
            label: tab('export', t('sharing.myData.tabExport')),
            children: <ExportPanel agreement={agreement} catalog={catalog} />,
          },
        ]
      : []),
    ...(agreement.personFields.includes(DUE_DATE_FIELD)
      ? [
          {
            key: 'due',
            label: tab('due', t('sharing.myData.tabDue')),
            children: <DueListPanel agreement={agreement} />,
          },
        ]
      : []),
    ...(canWebhooks && hasEvents
      ? [
          {
            key: 'webhooks',
            label: tab('webhooks', t('sharing.myData.tabWebhooks')),
            children: <WebhooksPanel agreement={agreement} />,
          },
        ]
      : []),
  ];
  return (
    <Card
      title={agreement.title}
      extra={
        <Link to={`/sharing/agreements/${encodeURIComponent(agreement.id)}`}>
          <code>{agreement.id}</code>
        </Link>
      }
      data-testid={`mydata-agreement-${agreement.id}`}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 8 }}
        items={[
          { key: 'purpose', label: t('sharing.request.purpose'), children: agreement.purpose, span: 2 },
          {
            key: 'types',
            label: t('sharing.agreements.types'),
            children: <AgreementTypesSummary scope={agreement} catalog={catalog} />,
          },
          { key: 'period', label: t('sharing.agreements.period'), children: periodLabel(agreement) },
          {
            key: 'persons',
            label: t('sharing.agreements.personFields'),
            span: 2,
            children: (
              <Typography.Text>
                {agreement.personFields.map((f) => labels.personField(f)).join('、') || '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
