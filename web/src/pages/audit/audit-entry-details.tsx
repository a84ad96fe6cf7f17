import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.js';
import { useLabels } from '../../i18n/use-labels.js';

function isEmptyDetails(details: unknown): boolean {
  if (details === null || details === undefined || details === '') return true;
  return typeof details === 'object' && Object.keys(details).length === 0;
}

function Hash({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {value}
    </Typography.Text>
  );
}

/** The expanded row of an audit entry: everything recorded, including the chain hashes. */
export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const hasDetails = !isEmptyDetails(entry.details);
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid={`audit-details-${entry.seq}`}
      items={[
        { key: 'actorRole', label: t('audit.actorRole'), children: labels.role(entry.actorRole) || '—' },
        { key: 'targetType', label: t('audit.targetType'), children: entry.targetType || '—' },
        {
          key: 'targetIds',
          label: t('audit.targetIds'),
          children: entry.targetIds?.length ? (
            <Typography.Text style={{ wordBreak: 'break-all' }}>{entry.targetIds.join(', ')}</Typography.Text>
          ) : (
            '—'
          ),
        },
        { key: 'purpose', label: t('audit.purpose'), children: entry.purpose || '—' },
        { key: 'ip', label: t('audit.ip'), children: entry.ip || '—' },
        {
          key: 'details',
          label: t('audit.details'),
          children: hasDetails ? (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
              {typeof entry.details === 'string' ? entry.details : JSON.stringify(entry.details, null, 2)}
            </pre>
          ) : (
            '—'
          ),
        },
        { key: 'hash', label: t('audit.hash'), children: <Hash value={entry.hash} /> },
        { key: 'prevHash', label: t('audit.prevHash'), children: <Hash value={entry.prevHash} /> },
      ]}
    />
  );
}
