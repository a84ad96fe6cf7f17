import { Alert, Collapse, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileProblem } from '../../../api/types.js';
import { useExchangeLabels } from '../use-exchange-labels.js';

interface MissingColumn {
  key: string;
  labelZh?: string;
  labelEn?: string;
}

function missingColumns(details: unknown): MissingColumn[] | null {
  const columns = (details as { columns?: unknown } | null | undefined)?.columns;
  if (!Array.isArray(columns)) return null;
  return columns
    .map((c: unknown) => (typeof c === 'string' ? { key: c } : (c as MissingColumn)))
    .filter((c) => c && typeof c.key === 'string');
}

function allowedSubmitters(details: unknown): string[] | null {
  const allowed = (details as { allowed?: unknown } | null | undefined)?.allowed;
  return Array.isArray(allowed) && allowed.every((a) => typeof a === 'string') ? (allowed as string[]) : null;
}

function hasDetails(details: unknown): boolean {
  return (
    details !== undefined && details !== null && !(typeof details === 'object' && Object.keys(details).length === 0)
  );
}

/** Why the whole file was refused, in the UI language, with missing columns or allowed submitters listed. */
export function ReportFileProblem({ problem, failed }: { problem: FileProblem; failed: boolean }) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const columns = missingColumns(problem.details);
  const allowed = allowedSubmitters(problem.details);
  const other = !columns && !allowed && hasDetails(problem.details);
  return (
    <Alert
      type={failed ? 'warning' : 'error'}
      showIcon
      title={
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>{t('exchange.report.fileProblem')}</Typography.Text>
          <span>{labels.pick(problem.messageZh, problem.message)}</span>
        </Flex>
      }
      description={
        <Flex vertical gap={8}>
          {columns && columns.length > 0 && (
            <Flex gap={6} wrap align="center" data-testid="report-missing-columns">
              <span>{t('exchange.report.missingColumns')}</span>
              {columns.map((c) => (
                <Tag key={c.key} color="red">
                  {labels.pick(c.labelZh ?? '', c.labelEn ?? '') || c.key}（{c.key}）
                </Tag>
              ))}
            </Flex>
          )}
          {allowed && <div>{t('exchange.report.allowedSubmitters', { list: labels.orgTypes(allowed) })}</div>}
          {other && (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'details',
                  label: t('exchange.report.problemDetails'),
                  children: (
                    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
                      {JSON.stringify(problem.details, null, 2)}
                    </pre>
                  ),
                },
              ]}
            />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('exchange.report.problemCode', { code: problem.code })}
          </Typography.Text>
        </Flex>
      }
      data-testid="report-file-problem"
      data-code={problem.code}
    />
  );
}
