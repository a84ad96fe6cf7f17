import { CloseOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../format/format-bytes.js';

export type UploadState =
  | { kind: 'uploading'; name: string; loaded: number; total: number }
  | { kind: 'done'; name: string; total: number }
  | { kind: 'failed'; name: string; loaded: number; total: number; message: string };

/** The upload bar: bytes sent of the file, then “uploaded, processing”, or the failure with retry. */
export function UploadProgressCard({
  state,
  onCancel,
  onRetry,
  onBack,
}: {
  state: UploadState;
  onCancel?: () => void;
  onRetry?: () => void;
  onBack?: () => void;
}) {
  const { t } = useTranslation();
  const loaded = state.kind === 'done' ? state.total : state.loaded;
  const percent = state.total > 0 ? Math.min(100, Math.floor((loaded / state.total) * 100)) : 0;
  return (
    <Card
      title={t('exchange.upload.uploadTitle')}
      size="small"
      data-testid="upload-progress"
      data-state={state.kind}
      data-percent={state.kind === 'done' ? 100 : percent}
    >
      <Flex vertical gap={8}>
        <Flex justify="space-between" gap={12} wrap>
          <Typography.Text strong ellipsis style={{ maxWidth: '70%' }}>
            {state.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {state.kind === 'uploading'
              ? `${t('exchange.upload.uploading')} ${formatBytes(loaded)} / ${formatBytes(state.total)}`
              : state.kind === 'done'
                ? `${t('exchange.upload.uploaded')} · ${formatBytes(state.total)}`
                : `${formatBytes(loaded)} / ${formatBytes(state.total)}`}
          </Typography.Text>
        </Flex>
        <Progress
          percent={state.kind === 'done' ? 100 : percent}
          status={state.kind === 'failed' ? 'exception' : state.kind === 'done' ? 'success' : 'active'}
        />
        {state.kind === 'uploading' && (
          <Flex justify="flex-end">
            <Button icon={<CloseOutlined />} onClick={onCancel} data-testid="upload-cancel">
              {t('exchange.upload.cancel')}
            </Button>
          </Flex>
        )}
        {state.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('exchange.upload.failed')}
            description={state.message}
            data-testid="upload-error"
            action={
              <Flex vertical gap={8}>
                <Button
                  type="primary"
                  size="small"
                  icon={<ReloadOutlined />}
                  onClick={onRetry}
                  data-testid="upload-retry"
                >
                  {t('exchange.upload.retry')}
                </Button>
                <Button size="small" icon={<EditOutlined />} onClick={onBack} data-testid="upload-back">
                  {t('exchange.upload.backToForm')}
                </Button>
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
