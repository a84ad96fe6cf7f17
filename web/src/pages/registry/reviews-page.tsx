import { App, Button, Card, Col, Descriptions, Input, List, Pagination, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { LinkReview, PersonSummary } from '../../api/types.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { PageHeader } from '../../components/page-header.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { useLang } from '../../i18n/use-lang.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { useDivisionName } from '../divisions/use-division-names.js';
import { useRegistryLabels } from './use-registry-labels.js';

const LEVEL_COLORS: Record<string, string> = { exact: 'green', pinyin: 'gold', different: 'red', missing: 'default' };

/** `/registry/reviews`: records that may be a person already known, side by side, with the decision buttons. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'linked' | 'not_a_match'>('open');
  const { data, error, loading, reload, pagination } = usePagedQuery<LinkReview>('/api/v1/link-reviews', { status });

  return (
    <>
      <PageHeader title={t('registry.reviews.title')} subtitle={t('registry.reviews.subtitle')} />
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={[
          { value: 'open', label: t('registry.reviews.statusOpen') },
          { value: 'linked', label: t('registry.reviews.statusLinked') },
          { value: 'not_a_match', label: t('registry.reviews.statusNotMatch') },
        ]}
        style={{ marginBottom: 16 }}
        data-testid="reviews-status"
      />
      {error !== null && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (data?.items.length ?? 0) === 0 && !loading ? (
        <Card>
          <EmptyState title={t('registry.reviews.empty')} hint={t('registry.reviews.emptyHint')} />
        </Card>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="reviews-list">
          {(data?.items ?? []).map((review) => (
            <ReviewCard key={review.id} review={review} onDecided={reload} />
          ))}
          <Pagination {...pagination} />
        </Space>
      )}
    </>
  );
}

function PersonCard({ title, person }: { title: string; person: PersonSummary | null }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const divisionName = useDivisionName();
  return (
    <Card size="small" title={title}>
      {person ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('registry.persons.name')}>
            <Link to={`/registry/persons/${person.id}`}>{person.name ?? '—'}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.persons.idNumber')}>
            <code>{person.idNumber ?? '—'}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.persons.sex')}>{labels.sex(person.sex)}</Descriptions.Item>
          <Descriptions.Item label={t('registry.persons.birthDate')}>{person.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('registry.persons.managing')}>{divisionName(person.managingDivision)}</Descriptions.Item>
        </Descriptions>
      ) : (
        '—'
      )}
    </Card>
  );
}

function ReviewCard({ review, onDecided }: { review: LinkReview; onDecided: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const labels = useRegistryLabels();
  const exchange = useExchangeLabels();
  const catalog = useCatalog();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'link' | 'not_a_match') => {
    setBusy(true);
    try {
      await api.post(`/api/v1/link-reviews/${encodeURIComponent(review.id)}/decision`, { decision, ...(note ? { note } : {}) });
      void message.success(t('registry.reviews.decided'));
      onDecided();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      data-testid={`review-${review.id}`}
      title={
        <Space wrap>
          <span>{exchange.typeKey(catalog.data, review.type)}</span>
          <Tag>{review.orgCode}</Tag>
          <Typography.Text type="secondary">{review.eventDate}</Typography.Text>
          <Typography.Text type="secondary">
            {t('registry.reviews.score')} {review.score.toFixed(1)}
          </Typography.Text>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <PersonCard title={t('registry.reviews.record')} person={review.person} />
        </Col>
        <Col xs={24} md={8}>
          <PersonCard title={t('registry.reviews.candidate')} person={review.candidate} />
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('registry.reviews.evidence')}>
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={review.evidence}
              columns={[
                { dataIndex: 'field', render: (f: string) => labels.fact(f === 'mother' ? 'mother' : f) },
                { dataIndex: 'a', render: (v: string | null) => v ?? '—' },
                { dataIndex: 'b', render: (v: string | null) => v ?? '—' },
                { dataIndex: 'level', render: (l: string, e) => <Tag color={LEVEL_COLORS[l]}>{lang === 'en' ? e.labelEn : e.labelZh}</Tag> },
                { dataIndex: 'weight', align: 'right', render: (w: number) => (w > 0 ? `+${w}` : String(w)) },
              ]}
              showHeader={false}
            />
          </Card>
        </Col>
      </Row>
      {review.status === 'open' ? (
        <Space style={{ marginTop: 16 }} wrap>
          <Input placeholder={t('registry.reviews.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 280 }} maxLength={500} />
          <Button type="primary" loading={busy} onClick={() => void decide('link')} data-testid="review-link">
            {t('registry.reviews.link')}
          </Button>
          <Button danger loading={busy} onClick={() => void decide('not_a_match')} data-testid="review-not-match">
            {t('registry.reviews.notMatch')}
          </Button>
        </Space>
      ) : (
        <List size="small" style={{ marginTop: 8 }}>
          <List.Item>
            {review.decidedAt?.slice(0, 16).replace('T', ' ')} · {review.decidedBy} · {review.note ?? ''}
          </List.Item>
        </List>
      )}
    </Card>
  );
}
