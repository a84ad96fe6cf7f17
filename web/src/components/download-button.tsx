import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../api/api-error.js';
import { downloadFile } from '../api/download.js';

export interface DownloadButtonProps {
  /** Same-origin API path of the file. */
  url: string;
  /** Saved name when the server sends no Content-Disposition. */
  fallbackName: string;
  children: ReactNode;
  testId?: string;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
}

/**
 * A link-styled button that downloads an API file; it spins while the file arrives and says
 * so in a message when the file is missing (404) or the request fails.
 */
export function DownloadButton({ url, fallbackName, children, testId, type, size }: DownloadButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async (event: MouseEvent<HTMLElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await downloadFile(url, fallbackName);
    } catch (err) {
      const notThere = isApiError(err) && (err.status === 404 || err.status === 501);
      void message.error(
        notThere ? t('exchange.download.notAvailable') : t('exchange.download.failed', { reason: describeError(err) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      href={url}
      type={type}
      size={size}
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={(event) => void onClick(event)}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
