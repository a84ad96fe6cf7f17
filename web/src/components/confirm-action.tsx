import { Popconfirm } from 'antd';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

const POPUP_MAX_WIDTH_PX = 380;

export interface ConfirmActionProps {
  title: string;
  description: string;
  okText?: string;
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
  okTestId?: string;
  children: ReactElement;
}

/** Asks before an action that is hard to undo; the OK button spins until the action settles. */
export function ConfirmAction({
  title,
  description,
  okText,
  danger = false,
  onConfirm,
  okTestId,
  children,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={title}
      description={description}
      onConfirm={onConfirm}
      okText={okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, ...(okTestId ? { 'data-testid': okTestId } : {}) }}
      styles={{ root: { maxWidth: POPUP_MAX_WIDTH_PX } }}
    >
      {children}
    </Popconfirm>
  );
}
