import { Card, Form, Input, Select, Space, Table, Tag, Button } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PersonSummary } from '../../api/types.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { useDivisionName } from '../divisions/use-division-names.js';
import { useRegistryLabels } from './use-registry-labels.js';

interface Filters {
  q?: string;
  birthDate?: string;
  division?: string;
  population?: string;
}

const POPULATIONS = ['registered', 'floating', 'moved_out', 'dead', 'external'];

/** `/registry/persons`: search the registry by ID number, name or pinyin; a row opens the person. */
export function PersonsPage() {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const divisionName = useDivisionName();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const { data, error, loading, reload, pagination } = usePagedQuery<PersonSummary>('/api/v1/persons', { ...filters });

  const columns: TableColumnsType<PersonSummary> = [
    { title: t('registry.persons.name'), dataIndex: 'name', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('registry.persons.idNumber'), dataIndex: 'idNumber', width: 200, render: (v: string | null) => <code>{v ?? '—'}</code> },
    { title: t('registry.persons.sex'), dataIndex: 'sex', width: 70, render: (v: string | null) => labels.sex(v) },
    { title: t('registry.persons.birthDate'), dataIndex: 'birthDate', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('registry.persons.population'),
      dataIndex: 'population',
      width: 130,
      render: (v: string) => <Tag color={v === 'registered' ? 'blue' : v === 'floating' ? 'orange' : v === 'dead' ? 'default' : 'purple'}>{labels.population(v)}</Tag>,
    },
    {
      title: t('registry.persons.managing'),
      dataIndex: 'managingDivision',
      render: (v: string | null, row) => (
        <span title={v ?? undefined} data-testid={`person-managing-${row.id}`}>
          {divisionName(v)}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('registry.persons.title')} subtitle={t('registry.persons.subtitle')} />
      <Card>
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => setFilters(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Filters)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="q">
            <Input allowClear placeholder={t('registry.persons.query')} style={{ width: 260 }} data-testid="persons-query" />
          </Form.Item>
          <Form.Item name="birthDate" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
            <Input allowClear placeholder={`${t('registry.persons.birthDate')} YYYY-MM-DD`} style={{ width: 190 }} data-testid="persons-birth-date" />
          </Form.Item>
          <Form.Item name="population">
            <Select
              allowClear
              placeholder={t('registry.persons.population')}
              style={{ width: 160 }}
              options={POPULATIONS.map((p) => ({ value: p, label: labels.population(p) }))}
              data-testid="persons-population"
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="persons-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<PersonSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={pagination}
            scroll={{ x: 900 }}
            onRow={(row) => ({ onClick: () => navigate(`/registry/persons/${row.id}`), style: { cursor: 'pointer' }, 'data-testid': `persons-row-${row.id}` }) as never}
            locale={{ emptyText: <EmptyState title={t('registry.persons.empty')} hint={t('registry.persons.emptyHint')} /> }}
            data-testid="persons-table"
          />
        )}
      </Card>
    </>
  );
}
