import { Button, Popover, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CodeTable, CodeTableEntry } from '../../../api/types.js';
import { useExchangeLabels } from '../use-exchange-labels.js';

const LIST_HEIGHT_PX = 280;

/** The code table of a coded field: its name, and its codes with labels in a popover. */
export function CodeTablePopover({
  table,
  codes,
  testId,
}: {
  table: CodeTable | undefined;
  /** The only codes the field allows, when not the whole table. */
  codes: string[] | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  if (!table) return null;
  const entries = codes ? table.entries.filter((entry) => codes.includes(entry.code)) : table.entries;
  const content = (
    <div style={{ width: 340 }}>
      <Typography.Text type="secondary">
        {table.system}
        {codes && ` · ${t('exchange.catalog.codesAllowed', { count: entries.length })}`}
      </Typography.Text>
      <Table<CodeTableEntry>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={entries}
        scroll={entries.length > 8 ? { y: LIST_HEIGHT_PX } : undefined}
        style={{ marginTop: 8 }}
        columns={[
          { title: t('exchange.catalog.code'), dataIndex: 'code', width: 90, render: (v: string) => <code>{v}</code> },
          {
            title: t('exchange.catalog.codeLabel'),
            key: 'label',
            render: (_, entry) => labels.pick(entry.labelZh, entry.labelEn),
          },
        ]}
      />
    </div>
  );
  return (
    <Popover title={labels.codeTable(table)} content={content} trigger="click" placement="left">
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} data-testid={testId}>
        {labels.codeTable(table)}
        <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontSize: 12 }}>
          ({t('exchange.catalog.codesCount', { count: entries.length })})
        </Typography.Text>
      </Button>
    </Popover>
  );
}
