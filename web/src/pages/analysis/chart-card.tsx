import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Table, Tooltip } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useAnalysisMessages } from './use-analysis-messages.js';
import { EmptyState } from '../../components/empty-state.js';
import type { DataTable } from './data-table.js';
import { DefinitionsDrawer } from './definitions-drawer.js';
import { formatCell } from './format-cell.js';
import type { IndicatorReport } from './indicator-report.js';

export interface ChartCardProps {
  /** Short id: `analysis-card-<id>`, `analysis-toggle-<id>`, `analysis-table-<id>`, `analysis-info-<id>`. */
  id: string;
  title: string;
  table: DataTable;
  /** The chart; not drawn while the table is shown. */
  chart: ReactNode;
  report: IndicatorReport;
  /** Indicator keys (or families) whose definitions the info button opens. */
  definitions?: readonly string[];
  /** Controls beside the title (e.g. 12/24 months). */
  extra?: ReactNode;
  /** Shown above the chart or table (e.g. a progress bar). */
  notice?: ReactNode;
  empty?: boolean;
}

/** A dashboard card: a chart or, at the toggle, the same numbers as a table; the definitions in a drawer. */
export function ChartCard({ id, title, table, chart, report, definitions, extra, notice, empty }: ChartCardProps) {
  const m = useAnalysisMessages();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [showDefinitions, setShowDefinitions] = useState(false);
  const columns = table.columns.map((c) => ({
    key: c.key,
    dataIndex: c.key,
    title: c.title,
    align: c.digits === undefined ? ('left' as const) : ('right' as const),
    render: (v: unknown) => formatCell(v as never, c.digits),
  }));
  return (
    <Card
      className="analysis-card"
      title={title}
      data-testid={`analysis-card-${id}`}
      extra={
        <Flex gap={8} align="center" className="analysis-no-print">
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: m.showChart },
              { value: 'table', label: m.showTable },
            ]}
            data-testid={`analysis-toggle-${id}`}
          />
          {definitions && definitions.length > 0 && (
            <Tooltip title={m.definitions}>
              <Button
                size="small"
                type="text"
                icon={<InfoCircleOutlined />}
                aria-label={m.definitions}
                onClick={() => setShowDefinitions(true)}
                data-testid={`analysis-info-${id}`}
              />
            </Tooltip>
          )}
        </Flex>
      }
    >
      {notice}
      {empty ? (
        <EmptyState title={m.empty} />
      ) : view === 'chart' ? (
        chart
      ) : (
        <Table
          size="small"
          rowKey={(_, index) => String(index)}
          columns={columns}
          dataSource={table.rows}
          pagination={table.rows.length > 25 ? { pageSize: 25, showSizeChanger: false } : false}
          data-testid={`analysis-table-${id}`}
        />
      )}
      {definitions && (
        <DefinitionsDrawer
          open={showDefinitions}
          onClose={() => setShowDefinitions(false)}
          title={title}
          report={report}
          keys={definitions}
        />
      )}
    </Card>
  );
}
