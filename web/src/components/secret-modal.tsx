import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface SecretModalProps {
  open: boolean;
  title: string;
  secret: string;
  warning: string;
  onClose: () => void;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Shows a password or token that the server returns only once, with a copy button. */
export function SecretModal({ open, title, secret, warning, onClose }: SecretModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onCopy = async () => {
    if (await copyText(secret)) void message.success(t('common.copied'));
    else void message.warning(t('common.copyFailed'));
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-ok">
          {t('secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Flex gap={8} align="center">
        <Typography.Text
          code
          copyable={false}
          style={{ fontSize: 16, wordBreak: 'break-all', flex: 1, userSelect: 'all' }}
          data-testid="secret-value"
        >
          {secret}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void onCopy()} data-testid="secret-copy">
          {t('secret.copy')}
        </Button>
      </Flex>
    </Modal>
  );
}
