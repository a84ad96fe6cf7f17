import { ArrowLeftOutlined, EyeOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { PersonDetail } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { MergePersonDialog } from './merge-person-dialog.js';
import { useDivisionName } from '../divisions/use-division-names.js';
import { useRegistryLabels } from './use-registry-labels.js';

/** `/registry/persons/:id`: one person's golden record with sources, state, household, relations and timeline. */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useSession();
  const labels = useRegistryLabels();
  const divisionName = useDivisionName();
  const exchange = useExchangeLabels();
  const catalog = useCatalog();
  const { message } = App.useApp();
  const [purpose, setPurpose] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [merging, setMerging] = useState(false);
  const navigate = useNavigate();
  const [form] = Form.useForm<{ purpose: string }>();
  const detail = useApiQuery<PersonDetail>(`/api/v1/persons/${id}`, purpose ? { unmask: true, purpose } : undefined);

  if (detail.loading && !detail.data) return <LoadingState />;
  if (detail.error !== null && !detail.data) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  const data = detail.data!;
  const p = data.person;
  const typeLabel = (type: string) => exchange.typeKey(catalog.data, type);

  const revoke = (decisionId: string) =>
    Modal.confirm({
      title: t('registry.person.revoke'),
      content: t('registry.person.revokeConfirm'),
      onOk: async () => {
        await api.post(`/api/v1/link-decisions/${decisionId}/revoke`, {});
        void message.success(t('registry.person.revoked'));
        detail.reload();
      },
    });

  return (
    <>
      <Link to="/registry/persons">
        <ArrowLeftOutlined /> {t('registry.person.back')}
      </Link>
      <PageHeader
        title={`${p.name ?? '—'} · ${labels.population(p.population)}`}
        subtitle={<code data-testid="person-id-number">{p.idNumber ?? '—'}</code>}
        extra={
          <Space>
            {can('link_review.decide') && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="person-merge">
                {t('registry.merge.open')}
              </Button>
            )}
            {can('person.unmask') && !data.unmasked && (
              <Button icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="person-unmask">
                {t('registry.person.unmask')}
              </Button>
            )}
          </Space>
        }
      />
      {data.unmasked ? (
        <Alert type="warning" showIcon message={t('registry.person.unmasked')} style={{ marginBottom: 16 }} data-testid="person-unmasked" />
      ) : (
        <Alert type="info" showIcon message={t('registry.person.masked')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('registry.person.state')} data-testid="person-state">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('registry.persons.sex')}>{labels.sex(p.sex)}</Descriptions.Item>
              <Descriptions.Item label={t('registry.persons.birthDate')}>{p.birthDate ?? '—'}</Descriptions.Item>
              {p.diedOn && <Descriptions.Item label={t('registry.persons.died')}>{p.diedOn}</Descriptions.Item>}
              <Descriptions.Item label={t('registry.person.hukou')}><span title={p.hukouDivision ?? undefined}>{divisionName(p.hukouDivision)}</span></Descriptions.Item>
              <Descriptions.Item label={t('registry.person.residence')}><span title={p.residenceDivision ?? undefined}>{divisionName(p.residenceDivision)}</span></Descriptions.Item>
              <Descriptions.Item label={t('registry.person.managing')}><span title={p.managingDivision ?? undefined}>{divisionName(p.managingDivision)}</span></Descriptions.Item>
              <Descriptions.Item label={t('registry.person.marital')}>{labels.marital(p.maritalStatus)}</Descriptions.Item>
              <Descriptions.Item label={t('registry.person.pregnancy')}>
                <span data-testid="person-pregnancy">{p.expectedDeliveryOn ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('registry.person.contraception')}>{p.contraceptionMethod ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('registry.person.golden')}>
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={data.golden}
              data-testid="person-golden"
              columns={[
                { title: t('registry.person.field'), dataIndex: 'field', render: (f: string) => labels.fact(f) },
                { title: t('registry.person.value'), dataIndex: 'value' },
                {
                  title: t('registry.person.source'),
                  key: 'source',
                  render: (_, g) => (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {g.orgCode} · {typeLabel(g.type)} · {g.on}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('registry.person.relations')}>
            {data.relations.length === 0 ? (
              <Empty description={t('registry.person.noRelations')} />
            ) : (
              <List
                size="small"
                dataSource={data.relations}
                data-testid="person-relations"
                renderItem={(r) => (
                  <List.Item>
                    <Space>
                      <Tag>{labels.relation(r.kind, r.direction)}</Tag>
                      <Link to={`/registry/persons/${r.person.id}`}>{r.person.name ?? '—'}</Link>
                      <code>{r.person.idNumber ?? '—'}</code>
                      {r.since && <span>{r.since}</span>}
                      {r.until && <span>→ {r.until}</span>}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`${t('registry.person.household')}${p.householdNumber ? ` · ${t('registry.person.householdNumber')} ${p.householdNumber}` : ''}`}>
            {data.household.length === 0 ? (
              <Empty description={t('registry.person.noHousehold')} />
            ) : (
              <List
                size="small"
                dataSource={data.household}
                renderItem={(h) => (
                  <List.Item>
                    <Space>
                      <Link to={`/registry/persons/${h.id}`}>{h.name ?? '—'}</Link>
                      <span>{labels.sex(h.sex)}</span>
                      <span>{h.birthDate ?? '—'}</span>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        {data.decisions.length > 0 && (
          <Col xs={24}>
            <Card title={t('registry.person.decisions')}>
              <List
                size="small"
                dataSource={data.decisions}
                renderItem={(d) => (
                  <List.Item
                    actions={can('link_review.decide') ? [<a key="revoke" onClick={() => revoke(d.id)} data-testid={`person-revoke-${d.id}`}>{t('registry.person.revoke')}</a>] : []}
                    data-testid="person-decision"
                  >
                    <Tag color={d.kind === 'same' ? 'blue' : 'red'}>{t(d.kind === 'same' ? 'registry.person.decisionSame' : 'registry.person.decisionDifferent')}</Tag>
                    {d.decidedAt.slice(0, 10)} · {d.decidedBy} · {d.note ?? ''}
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <Card title={t('registry.person.timeline')} data-testid="person-timeline">
            {data.timeline.length === 0 ? (
              <Empty description={t('registry.person.noTimeline')} />
            ) : (
              <Timeline
                items={data.timeline.map((r) => ({
                  key: `${r.seq}-${r.role}`,
                  color: r.action === 'cancel' ? 'red' : r.action === 'correct' ? 'orange' : 'blue',
                  children: (
                    <div data-testid={`person-event-${r.type}`}>
                      <Space wrap>
                        <strong>{r.eventDate ?? '—'}</strong>
                        <span>{typeLabel(r.type)}</span>
                        <Tag>{r.orgName ?? r.orgCode}</Tag>
                        <Typography.Text type="secondary">{labels.method(r.method)}</Typography.Text>
                      </Space>
                      {r.fields && (
                        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                          {Object.entries(r.fields)
                            .filter(([k]) => k !== 'record_id')
                            .map(([k, v]) => `${k}: ${String(v)}`)
                            .join(' · ')}
                        </Typography.Paragraph>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <MergePersonDialog
        key={p.id}
        person={p}
        open={merging}
        onClose={() => setMerging(false)}
        onMerged={(remaining) => {
          setMerging(false);
          if (String(remaining) === id) detail.reload();
          else void navigate(`/registry/persons/${remaining}`);
        }}
      />
      <Modal
        open={asking}
        title={t('registry.person.unmaskTitle')}
        onCancel={() => setAsking(false)}
        onOk={() => void form.validateFields().then((v) => {
          setPurpose(v.purpose.trim());
          setAsking(false);
        })}
        okButtonProps={{ 'data-testid': 'person-unmask-ok' } as never}
      >
        <Typography.Paragraph>{t('registry.person.unmaskHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="purpose" label={t('registry.person.purpose')} rules={[{ required: true, whitespace: true, min: 2, message: t('registry.person.purposeRequired') }]}>
            <Input maxLength={200} data-testid="person-purpose" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
