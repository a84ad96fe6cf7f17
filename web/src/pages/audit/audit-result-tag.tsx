import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The result values the filter offers; the server may record others, shown as they are. */
export const AUDIT_RESULTS = ['ok', 'denied', 'error'] as const;

const COLORS: Record<string, string> = { ok: 'green', denied: 'orange', error: 'red' };

function isKnownResult(result: string): result is (typeof AUDIT_RESULTS)[number] {
  return (AUDIT_RESULTS as readonly string[]).includes(result);
}

/** An audit entry's outcome as a coloured tag. */
export function AuditResultTag({ result }: { result: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[result] ?? 'default'}>{isKnownResult(result) ? t(`audit.results.${result}`) : result}</Tag>;
}
