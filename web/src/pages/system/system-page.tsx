import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemHealth } from '../../api/types.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTimeSeconds } from '../../format/format-date-time.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { formatUptime } from './format-uptime.js';

const REFRESH_INTERVAL_MS = 10_000;

function HealthCard({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Col xs={24} sm={12} xl={8}>
      <Card title={title} size="small" style={{ height: '100%' }} data-testid={testId}>
        {children}
      </Card>
    </Col>
  );
}

/** `/system`: the server's health document as cards, refreshed every 10 seconds. */
export function SystemPage() {
  const { t } = useTranslation();
  const health = useApiQuery<SystemHealth>('/api/v1/system/health');
  const ready = useApiQuery<{ status: string }>('/readyz');
  const [autoRefresh, setAutoRefresh] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const { reload: reloadHealth } = health;
  const { reload: reloadReady } = ready;

  useEffect(() => {
    if (health.data) setUpdatedAt(new Date().toISOString());
  }, [health.data]);

  useEffect(() => {
    if (!autoRefresh) return;
    const timer = window.setInterval(() => {
      reloadHealth();
      reloadReady();
    }, REFRESH_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [autoRefresh, reloadHealth, reloadReady]);

  const refreshNow = () => {
    reloadHealth();
    reloadReady();
  };
  const header = (
    <PageHeader
      title={t('system.title')}
      subtitle={
        updatedAt
          ? `${t('system.subtitle')} · ${t('system.lastUpdated', { time: formatDateTimeSeconds(updatedAt) })}`
          : t('system.subtitle')
      }
      extra={
        <>
          <span>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {t('system.autoRefresh')}
            </Typography.Text>
            <Switch checked={autoRefresh} onChange={setAutoRefresh} data-testid="system-auto-refresh" />
          </span>
          <Button icon={<ReloadOutlined />} loading={health.loading} onClick={refreshNow} data-testid="system-refresh">
            {t('common.refresh')}
          </Button>
        </>
      }
    />
  );

  const data = health.data;
  if (!data) {
    return (
      <>
        {header}
        {health.error !== null ? <ErrorState error={health.error} onRetry={refreshNow} /> : <LoadingState />}
      </>
    );
  }

  const isReady = ready.data?.status === 'ready' && ready.error === null;
  return (
    <>
      {header}
      {health.error !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('system.staleWarning', { time: formatDateTimeSeconds(updatedAt) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <HealthCard title={t('system.version')} testId="health-version">
          <Statistic value={data.version} />
          <Typography.Text type="secondary">
            {t('system.uptimeValue', { value: formatUptime(data.uptimeSeconds, t) })}
          </Typography.Text>
        </HealthCard>
        <HealthCard title={t('system.readiness')} testId="health-readiness">
          <Tag color={isReady ? 'green' : 'red'} style={{ fontSize: 16, padding: '4px 12px' }}>
            {isReady ? t('system.ready') : t('system.notReady')}
          </Tag>
        </HealthCard>
        <HealthCard title={t('system.database')} testId="health-database">
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={t('system.dialect')} value={data.dialect} />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('system.latency')}
                value={data.database.latencyMs ?? '—'}
                precision={data.database.latencyMs === null ? undefined : 1}
                suffix={data.database.latencyMs === null ? undefined : 'ms'}
              />
            </Col>
          </Row>
          <Tag color={data.database.ok ? 'green' : 'red'} style={{ marginTop: 8 }}>
            {data.database.ok ? t('system.dbOk') : t('system.dbDown')}
          </Tag>
        </HealthCard>
        <HealthCard title={t('system.migrations')} testId="health-migrations">
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={t('system.applied')} value={data.migrations.applied} />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('system.pending')}
                value={data.migrations.pending}
                styles={{ content: data.migrations.pending > 0 ? { color: '#d4380d' } : {} }}
              />
            </Col>
          </Row>
          <Tag color={data.migrations.pending > 0 ? 'orange' : 'green'} style={{ marginTop: 8 }}>
            {data.migrations.pending > 0
              ? t('system.migrationsBehind', { count: data.migrations.pending })
              : t('system.migrationsCurrent')}
          </Tag>
        </HealthCard>
        <HealthCard title={t('system.memory')} testId="health-memory">
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={t('system.rss')} value={data.memory.rssMb} precision={1} suffix="MB" />
            </Col>
            <Col span={12}>
              <Statistic title={t('system.heapUsed')} value={data.memory.heapUsedMb} precision={1} suffix="MB" />
            </Col>
          </Row>
        </HealthCard>
        <HealthCard title={t('system.counts')} testId="health-counts">
          <Row gutter={[16, 8]}>
            <Col span={12}>
              <Statistic title={t('system.orgs')} value={data.counts.orgs} />
            </Col>
            <Col span={12}>
              <Statistic title={t('system.users')} value={data.counts.users} />
            </Col>
            <Col span={12}>
              <Statistic title={t('system.activeTokens')} value={data.counts.activeTokens} />
            </Col>
            <Col span={12}>
              <Statistic title={t('system.auditEntries')} value={data.counts.auditEntries} />
            </Col>
          </Row>
        </HealthCard>
      </Row>
    </>
  );
}
