import { Alert, App, Card, Col, Flex, Row } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { describeError, isApiError } from '../../../api/api-error.js';
import type { UploadHandle } from '../../../api/upload.js';
import { newIdempotencyKey, uploadSubmission } from '../../../api/upload.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { PageHeader } from '../../../components/page-header.js';
import { SubmissionReportLoader } from '../report/submission-report-loader.js';
import { useCatalog } from '../use-catalog.js';
import { UploadForm } from './upload-form.js';
import type { UploadFormValues } from './upload-form.js';
import { UploadHelp } from './upload-help.js';
import { UploadProgressCard } from './upload-progress.js';
import type { UploadState } from './upload-progress.js';

/** What the last upload of this visit did: its bar, and whether the server had seen it before. */
interface LastUpload {
  state: UploadState;
  id: string | null;
  existing: boolean;
}

function uploadErrorMessage(err: unknown, t: (key: 'exchange.upload.tooLarge') => string): string {
  if (isApiError(err) && (err.status === 413 || err.code === 'PAYLOAD_TOO_LARGE')) return t('exchange.upload.tooLarge');
  return describeError(err);
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/**
 * `/exchange/upload`: choose the type, drop the file, choose the mode, upload with a
 * progress bar, then follow the processing and read the report. `?type=` preselects the
 * type; `?submission=<id>` shows that submission's report (so a reload keeps it).
 */
export function UploadPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const catalog = useCatalog();
  const [params, setParams] = useSearchParams();
  const submissionId = params.get('submission');
  const [values, setValues] = useState<UploadFormValues>(() => ({
    type: params.get('type') ?? undefined,
    file: null,
    mode: 'accept_valid',
  }));
  const [showErrors, setShowErrors] = useState(false);
  const [last, setLast] = useState<LastUpload | null>(null);
  // One key per upload: kept when the same upload is tried again, new once anything changes.
  const keyRef = useRef<string | null>(null);
  const handleRef = useRef<UploadHandle | null>(null);

  useEffect(() => () => handleRef.current?.abort(), []);

  const change = useCallback((patch: Partial<UploadFormValues>) => {
    keyRef.current = null;
    setValues((prev) => ({ ...prev, ...patch }));
  }, []);

  const start = useCallback(() => {
    const { file, type, mode } = values;
    if (!file || !type) {
      setShowErrors(true);
      return;
    }
    const key = (keyRef.current ??= newIdempotencyKey());
    setLast({ state: { kind: 'uploading', name: file.name, loaded: 0, total: file.size }, id: null, existing: false });
    const handle = uploadSubmission({
      file,
      type,
      mode,
      idempotencyKey: key,
      onProgress: (loaded, total) =>
        setLast((prev) =>
          prev?.state.kind === 'uploading'
            ? { ...prev, state: { ...prev.state, loaded, total: total || prev.state.total } }
            : prev,
        ),
    });
    handleRef.current = handle;
    handle.result
      .then((accepted) => {
        handleRef.current = null;
        keyRef.current = null;
        setLast({
          state: { kind: 'done', name: file.name, total: file.size },
          id: accepted.id,
          existing: accepted.status === 'existing',
        });
        setValues((prev) => ({ ...prev, file: null }));
        setShowErrors(false);
        setParams({ type, submission: accepted.id });
      })
      .catch((err: unknown) => {
        handleRef.current = null;
        if (isAbort(err)) {
          setLast(null);
          void message.info(t('exchange.upload.cancelled'));
          return;
        }
        setLast((prev) => ({
          id: null,
          existing: false,
          state: {
            kind: 'failed',
            name: file.name,
            loaded: prev?.state.kind === 'uploading' ? prev.state.loaded : 0,
            total: file.size,
            message: uploadErrorMessage(err, t),
          },
        }));
      });
  }, [values, setParams, t, message]);

  const reupload = useCallback(
    (type: string) => {
      keyRef.current = null;
      setLast(null);
      setShowErrors(false);
      setValues({ type, file: null, mode: 'accept_valid' });
      setParams({ type });
    },
    [setParams],
  );

  const header = <PageHeader title={t('exchange.upload.title')} subtitle={t('exchange.upload.subtitle')} />;

  if (submissionId) {
    const mine = last?.id === submissionId ? last : null;
    return (
      <>
        {header}
        <Flex vertical gap={16}>
          {mine && <UploadProgressCard state={mine.state} />}
          <SubmissionReportLoader
            key={submissionId}
            id={submissionId}
            onReupload={reupload}
            notice={
              mine?.existing && (
                <Alert type="info" showIcon title={t('exchange.upload.existing')} data-testid="upload-existing" />
              )
            }
          />
        </Flex>
      </>
    );
  }

  const uploading = last?.state.kind === 'uploading' || last?.state.kind === 'failed';

  return (
    <>
      {header}
      {catalog.error !== null && !catalog.data ? (
        <Card>
          <ErrorState error={catalog.error} onRetry={catalog.reload} />
        </Card>
      ) : !catalog.data ? (
        <LoadingState />
      ) : uploading && last ? (
        <UploadProgressCard
          state={last.state}
          onCancel={() => handleRef.current?.abort()}
          onRetry={start}
          onBack={() => setLast(null)}
        />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <UploadForm
              catalog={catalog.data}
              values={values}
              onChange={change}
              onSubmit={start}
              showErrors={showErrors}
            />
          </Col>
          <Col xs={24} lg={8}>
            <UploadHelp />
          </Col>
        </Row>
      )}
    </>
  );
}
