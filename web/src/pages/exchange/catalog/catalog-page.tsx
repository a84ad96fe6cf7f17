import { CheckCircleFilled } from '@ant-design/icons';
import { Badge, Card, Col, Flex, Input, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { EventType } from '../../../api/types.js';
import { useSignedIn } from '../../../auth/session-context.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { PageHeader } from '../../../components/page-header.js';
import { useLabels } from '../../../i18n/use-labels.js';
import { groupByDepartment, maySubmit, useCatalog } from '../use-catalog.js';
import { useExchangeLabels } from '../use-exchange-labels.js';
import { EventTypeDrawer } from './event-type-drawer.js';

/** True when the type's names, key, description or any field's key or name contain `q`. */
function matches(type: EventType, q: string): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  const hay = [
    type.key,
    type.labelZh,
    type.labelEn,
    type.descriptionZh,
    type.descriptionEn,
    ...type.fields.flatMap((f) => [f.key, f.labelZh, f.labelEn]),
  ];
  return hay.some((text) => text.toLowerCase().includes(needle));
}

/** `/exchange/catalog`: every event type by department; `?type=<key>` opens its details. */
export function CatalogPage() {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const orgLabels = useLabels();
  const session = useSignedIn();
  const orgType = session.user.org.type;
  const catalog = useCatalog();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const openKey = params.get('type');

  const groups = useMemo(() => {
    const types = catalog.data?.types ?? [];
    return groupByDepartment(types.filter((type) => matches(type, q.trim())));
  }, [catalog.data, q]);

  const open = (key: string | null) => {
    const next = new URLSearchParams(params);
    if (key) next.set('type', key);
    else next.delete('type');
    setParams(next);
  };

  const header = (
    <PageHeader
      title={t('exchange.catalog.title')}
      subtitle={
        catalog.data
          ? `${t('exchange.catalog.subtitle')} · ${t('exchange.catalog.typeCount', { count: catalog.data.types.length })}`
          : t('exchange.catalog.subtitle')
      }
      extra={
        <Input.Search
          allowClear
          placeholder={t('exchange.catalog.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => setQ(value)}
          style={{ width: 300 }}
          data-testid="catalog-search"
        />
      }
    />
  );

  if (catalog.error !== null && !catalog.data) {
    return (
      <>
        {header}
        <Card>
          <ErrorState error={catalog.error} onRetry={catalog.reload} />
        </Card>
      </>
    );
  }
  if (!catalog.data) {
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  }
  const data = catalog.data;

  return (
    <>
      {header}
      {groups.length === 0 && (
        <Card>
          <EmptyState title={q.trim() ? t('exchange.catalog.noMatch', { q: q.trim() }) : t('exchange.catalog.empty')} />
        </Card>
      )}
      <Flex vertical gap={16}>
        {groups.map((group) => (
          <Card
            key={group.department}
            title={
              <Space>
                <span>{orgLabels.orgType(group.department)}</span>
                <Badge count={group.types.length} color="#1a56db" />
              </Space>
            }
            data-testid={`catalog-group-${group.department}`}
          >
            <Row gutter={[16, 16]}>
              {group.types.map((type) => {
                const own = maySubmit(type, orgType);
                return (
                  <Col key={type.key} xs={24} md={12} xl={8}>
                    <Card
                      hoverable
                      size="small"
                      role="button"
                      tabIndex={0}
                      onClick={() => open(type.key)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          open(type.key);
                        }
                      }}
                      style={{ height: '100%', borderColor: own ? '#b7eb8f' : undefined }}
                      data-testid={`catalog-type-${type.key}`}
                    >
                      <Flex vertical gap={6}>
                        <Flex vertical>
                          <Typography.Text strong style={{ fontSize: 15 }}>
                            {labels.type(type)}
                          </Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                            {type.key}
                          </Typography.Text>
                        </Flex>
                        <Typography.Paragraph
                          type="secondary"
                          ellipsis={{ rows: 2 }}
                          style={{ margin: 0, minHeight: 44 }}
                        >
                          {labels.pick(type.descriptionZh, type.descriptionEn)}
                        </Typography.Paragraph>
                        <Flex gap={4} wrap align="center">
                          <Tag>{t('exchange.catalog.fieldCount', { count: type.fields.length })}</Tag>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('exchange.catalog.submittersShort')}
                          </Typography.Text>
                          {type.submitters.map((s) => (
                            <Tag key={s} color={s === orgType ? 'success' : undefined} variant="filled">
                              {orgLabels.orgType(s)}
                            </Tag>
                          ))}
                          {own && (
                            <Tag color="success" icon={<CheckCircleFilled />}>
                              {t('exchange.catalog.canSubmit')}
                            </Tag>
                          )}
                        </Flex>
                      </Flex>
                    </Card>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))}
      </Flex>
      <EventTypeDrawer type={openKey ? data.byKey.get(openKey) : undefined} catalog={data} onClose={() => open(null)} />
    </>
  );
}
