import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error.js';
import type { CaseDetail, CaseEvidenceEntry } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { CaseActions } from './case-actions.js';
import { CaseStatusTag } from './case-status-tag.js';
import { useCrosscheckLabels, useCrosscheckRules } from './use-crosscheck-labels.js';

/** `/crosscheck/cases/:id`: the contradiction, the conflicting records side by side, the history, and (with case.work) the actions. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const labels = useCrosscheckLabels();
  const rules = useCrosscheckRules();
  const { data, error, loading, reload } = useApiQuery<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`);
  const back = (
    <Link to="/crosscheck/cases" data-testid="case-back">
      <Button icon={<ArrowLeftOutlined />}>{t('crosscheck.detail.back')}</Button>
    </Link>
  );
  if (error !== null && !data) {
    return (
      <>
        <PageHeader title={t('crosscheck.detail.info')} extra={back} />
        {isApiError(error, 'NOT_FOUND') ? (
          <Card>
            <EmptyState title={t('crosscheck.detail.notFound')} />
          </Card>
        ) : (
          <ErrorState error={error} onRetry={reload} />
        )}
      </>
    );
  }
  if (!data || (loading && data.id !== id)) return <LoadingState />;
  const rule = rules.data?.items.find((r) => r.id === data.rule);

  return (
    <>
      <PageHeader title={labels.text(data.evidenceSummary)} subtitle={<code>{data.id}</code>} extra={back} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('crosscheck.detail.info')} data-testid="case-summary">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('crosscheck.cases.status')}>
              <CaseStatusTag status={data.status} testId="case-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('crosscheck.detail.rule')}>
              {rule ? labels.text(rule.description) : data.rule}{' '}
              <Typography.Text type="secondary">
                ({t('crosscheck.detail.version')} {data.ruleVersion})
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('crosscheck.cases.person')}>
              {can('person.read') ? (
                <Link to={`/registry/persons/${data.person_id}`} data-testid="case-person">
                  {data.personName ?? t('crosscheck.detail.openPerson')} #{data.person_id}
                </Link>
              ) : (
                `${data.personName ?? ''} #${data.person_id}`
              )}
              {data.personIdNumber && <Typography.Text type="secondary"> {data.personIdNumber}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('crosscheck.cases.owner')}>
              {data.ownerOrgName && <span data-testid="case-owner-name">{data.ownerOrgName} </span>}
              <code>{data.ownerOrgCode ?? '—'}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('crosscheck.cases.division')}>
              {data.divisionName && <span data-testid="case-division-name">{data.divisionName} </span>}
              <code>{data.divisionCode ?? '—'}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('crosscheck.cases.due')}>
              {data.dueOn}
              {data.escalatedAt && (
                <Tag color="volcano" style={{ marginLeft: 8 }} title={t('crosscheck.cases.escalatedHint')} data-testid="case-escalated">
                  {t('crosscheck.cases.escalated')} {formatDateTime(data.escalatedAt)}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('crosscheck.cases.opened')}>{formatDateTime(data.openedAt)}</Descriptions.Item>
            {data.resolutionNote && (
              <Descriptions.Item label={t('crosscheck.detail.note')}>{data.resolutionNote}</Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title={t('crosscheck.detail.evidence')} data-testid="case-evidence">
          {data.evidence.entries.length === 0 ? (
            <EmptyState title={t('crosscheck.detail.noEvidence')} />
          ) : (
            <Row gutter={[16, 16]}>
              {data.evidence.entries.map((entry) => (
                <Col key={entry.seq} xs={24} md={12} xl={Math.max(6, Math.floor(24 / data.evidence.entries.length))}>
                  <EvidenceCard entry={entry} />
                </Col>
              ))}
            </Row>
          )}
        </Card>
        {can('case.work') ? (
          <CaseActions key={`${data.id}-${data.updatedAt}`} detail={data} onDone={reload} />
        ) : (
          <Typography.Text type="secondary">{t('crosscheck.detail.noActions')}</Typography.Text>
        )}
        <Card title={t('crosscheck.detail.history')} data-testid="case-history">
          <Timeline
            items={data.history.map((h) => ({
              key: h.version,
              color:
                h.action === 'resolve' || h.action === 'auto_resolve'
                  ? 'green'
                  : h.action === 'dismiss'
                    ? 'gray'
                    : h.action === 'open' || h.action === 'reopen'
                      ? 'red'
                      : 'blue',
              children: (
                <div data-testid={`case-event-${h.version}`}>
                  <Space wrap>
                    <strong>{labels.action(h.action)}</strong>
                    <span>{h.actor}</span>
                    <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                  </Space>
                  {h.note && <Typography.Paragraph style={{ marginBottom: 0 }}>{h.note}</Typography.Paragraph>}
                </div>
              ),
            }))}
          />
        </Card>
      </Space>
    </>
  );
}

/** One conflicting ledger record: who reported what, and the fields the rule compared. */
function EvidenceCard({ entry }: { entry: CaseEvidenceEntry }) {
  const { t } = useTranslation();
  const exchange = useExchangeLabels();
  const catalog = useCatalog();
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space>
          <Tag color="blue">{entry.orgCode}</Tag>
          {exchange.typeKey(catalog.data, entry.type)}
        </Space>
      }
      data-testid={`case-evidence-${entry.seq}`}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('crosscheck.detail.record')}>
          <code>{entry.recordId}</code>
        </Descriptions.Item>
        {entry.eventDate && (
          <Descriptions.Item label={t('crosscheck.detail.eventDate')}>{entry.eventDate}</Descriptions.Item>
        )}
        {Object.entries(entry.fields).map(([field, value]) => (
          <Descriptions.Item key={field} label={field}>
            {value === null || value === undefined ? '—' : String(value)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
