import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { useCatalog } from '../use-catalog.js';
import { SubmissionReport } from './submission-report.js';
import { useSubmission } from './use-submission.js';

/** Loads a submission (polling while it is processing) and shows its report; loading and error states included. */
export function SubmissionReportLoader({
  id,
  onReupload,
  notice,
}: {
  id: string;
  onReupload?: (type: string) => void;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const { data, error, reload } = useSubmission(id);
  const catalog = useCatalog();
  if (!data) {
    const missing = isApiError(error) && error.status === 404;
    return error !== null ? (
      <Card>
        <ErrorState
          error={error}
          onRetry={missing ? undefined : reload}
          title={missing ? t('exchange.report.notFound') : undefined}
        />
      </Card>
    ) : (
      <LoadingState />
    );
  }
  return (
    <SubmissionReport
      submission={data}
      catalog={catalog.data}
      onReupload={onReupload && (() => onReupload(data.type))}
      notice={notice}
      pollError={error !== null && data.status === 'processing'}
    />
  );
}
