import { CheckOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EventField, EventType } from '../../../api/types.js';
import { useSession, useSignedIn } from '../../../auth/session-context.js';
import { useLabels } from '../../../i18n/use-labels.js';
import { useLang } from '../../../i18n/use-lang.js';
import { TemplateButtons } from '../template-buttons.js';
import type { CatalogIndex } from '../use-catalog.js';
import { maySubmit } from '../use-catalog.js';
import { useExchangeLabels } from '../use-exchange-labels.js';
import { CodeTablePopover } from './code-table-popover.js';
import { describeRule } from './describe-rule.js';

const DRAWER_WIDTH_PX = 1040;
const DRAWER_WIDE_PX = 1240;

/** One event type in full: what it is, who submits it, its fields and checks, its templates. */
export function EventTypeDrawer({
  type,
  catalog,
  onClose,
}: {
  type: EventType | undefined;
  catalog: CatalogIndex;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const labels = useExchangeLabels();
  const orgLabels = useLabels();
  const { can } = useSession();
  const session = useSignedIn();
  const screens = Grid.useBreakpoint();
  const canUpload = Boolean(type) && can('submission.create') && maySubmit(type!, session.user.org.type);

  const fieldName = (field: EventField) =>
    lang === 'en' ? (
      <Flex vertical>
        <span>{field.labelEn}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {field.labelZh}
        </Typography.Text>
      </Flex>
    ) : (
      field.labelZh
    );

  const columns: TableColumnsType<EventField> = [
    {
      title: t('exchange.catalog.fieldKey'),
      dataIndex: 'key',
      width: 220,
      render: (key: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {key}
        </Typography.Text>
      ),
    },
    { title: t('exchange.catalog.fieldName'), key: 'name', width: 170, render: (_, field) => fieldName(field) },
    {
      title: t('exchange.catalog.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: string, field) => (
        <Tooltip title={labels.kindHint(kind)}>
          <Flex vertical>
            <span>{labels.kind(kind)}</span>
            {field.maxLength !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('exchange.catalog.maxLength', { max: field.maxLength })}
              </Typography.Text>
            )}
          </Flex>
        </Tooltip>
      ),
    },
    {
      title: t('exchange.catalog.required'),
      dataIndex: 'required',
      width: 70,
      align: 'center',
      render: (required: boolean) =>
        required ? <CheckOutlined style={{ color: '#389e0d' }} aria-label={t('common.yes')} /> : '',
    },
    {
      title: t('exchange.catalog.codeTable'),
      dataIndex: 'codeTable',
      width: 170,
      render: (name: string | null, field) =>
        name ? (
          <CodeTablePopover
            table={catalog.codeTables.get(name)}
            codes={field.codes}
            testId={`catalog-codes-${field.key}`}
          />
        ) : (
          ''
        ),
    },
    {
      title: t('exchange.catalog.description'),
      key: 'description',
      render: (_, field) => labels.pick(field.descriptionZh, field.descriptionEn),
    },
  ];

  const fieldRef = (key: string) => (
    <Space size={4}>
      <span>{type ? labels.fieldKey(type, key) : key}</span>
      <Typography.Text code>{key}</Typography.Text>
    </Space>
  );

  return (
    <Drawer
      open={Boolean(type)}
      onClose={onClose}
      size={screens.xxl ? DRAWER_WIDE_PX : screens.lg ? DRAWER_WIDTH_PX : '100%'}
      destroyOnHidden
      title={
        type && (
          <Space wrap>
            <span>{labels.type(type)}</span>
            <Typography.Text code style={{ fontWeight: 'normal' }}>
              {type.key}
            </Typography.Text>
          </Space>
        )
      }
      extra={
        type &&
        canUpload && (
          <Link to={`/exchange/upload?type=${encodeURIComponent(type.key)}`} data-testid="catalog-upload">
            <Button type="primary" icon={<CloudUploadOutlined />}>
              {t('exchange.catalog.upload')}
            </Button>
          </Link>
        )
      }
      data-testid="catalog-drawer"
    >
      {type && (
        <Flex vertical gap={20}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {labels.pick(type.descriptionZh, type.descriptionEn)}
          </Typography.Paragraph>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'key',
                label: t('exchange.catalog.key'),
                children: <Typography.Text code>{type.key}</Typography.Text>,
              },
              {
                key: 'department',
                label: t('exchange.catalog.department'),
                children: orgLabels.orgType(type.department),
              },
              {
                key: 'submitters',
                label: t('exchange.catalog.submitters'),
                span: 'filled',
                children: (
                  <Space wrap size={[4, 4]}>
                    {type.submitters.map((s) => (
                      <Tag key={s} color={s === session.user.org.type ? 'green' : undefined}>
                        {orgLabels.orgType(s)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                key: 'eventDate',
                label: t('exchange.catalog.eventDateField'),
                children: fieldRef(type.eventDateField),
              },
              { key: 'subject', label: t('exchange.catalog.subjectField'), children: fieldRef(type.subjectField) },
            ]}
          />
          <Alert
            type="info"
            showIcon
            title={t('exchange.catalog.templates')}
            description={
              <Flex vertical gap={8} align="flex-start">
                <span>{t('exchange.catalog.templatesHint')}</span>
                <TemplateButtons type={type.key} testIdPrefix="catalog-template" />
              </Flex>
            }
          />
          <div>
            <Typography.Title level={5}>
              {t('exchange.catalog.fields')}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}>
                {t('exchange.catalog.fieldCount', { count: type.fields.length })} ·{' '}
                {t('exchange.catalog.requiredCount', { count: type.fields.filter((f) => f.required).length })}
              </Typography.Text>
            </Typography.Title>
            <Table<EventField>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={type.fields}
              pagination={false}
              scroll={{ x: 960 }}
              data-testid="catalog-fields"
            />
          </div>
          {type.rules.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('exchange.catalog.rules')}</Typography.Title>
              <Flex vertical gap={8} data-testid="catalog-rules">
                {type.rules.map((rule, i) => (
                  <Flex key={i} gap={8} align="baseline" wrap>
                    <Tag color={rule.severity === 'error' ? 'red' : 'orange'}>
                      {t(`exchange.severities.${rule.severity === 'error' ? 'error' : 'warning'}`)}
                    </Tag>
                    <span>{describeRule(rule, type, t, labels.fieldKey)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(rule.severity === 'error' ? 'exchange.catalog.ruleError' : 'exchange.catalog.ruleWarning')}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            </div>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
