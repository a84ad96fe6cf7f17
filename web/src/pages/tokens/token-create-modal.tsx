import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api } from '../../api/client.js';
import type { ApiToken } from '../../api/types.js';
import { useSignedIn } from '../../auth/session-context.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { OrgSelect } from '../../components/org-select.js';

interface TokenForm {
  orgCode: string;
  name: string;
  expiresInDays: number;
}

export interface TokenCreated {
  token: string;
  item: ApiToken;
}

const MIN_DAYS = 1;
const MAX_DAYS = 730;
const DEFAULT_DAYS = 365;

/** Issue an API token for an organisation; the secret goes back to the page to show once. */
export function TokenCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (r: TokenCreated) => void;
}) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const [form] = Form.useForm<TokenForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async (v: TokenForm) => {
    setSaving(true);
    setError(null);
    try {
      onCreated(
        await api.post<TokenCreated>('/api/v1/tokens', {
          orgCode: v.orgCode,
          name: v.name.trim(),
          expiresInDays: v.expiresInDays,
        }),
      );
    } catch (err) {
      if (!applyServerErrors(form, err, describeError, { UNKNOWN_ORG: 'orgCode' })) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('tokens.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'token-form-ok' }}
      cancelButtonProps={{ 'data-testid': 'token-form-cancel' }}
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 16 }} />}
      <Form<TokenForm>
        form={form}
        layout="vertical"
        initialValues={{ orgCode: session.user.org.code, expiresInDays: DEFAULT_DAYS }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item
          name="orgCode"
          label={t('tokens.org')}
          rules={[{ required: true, message: t('common.selectField', { field: t('tokens.org') }) }]}
        >
          <OrgSelect valueLabel={session.user.org.name} testId="token-form-org" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.requiredField', { field: t('tokens.name') }) },
          ]}
        >
          <Input maxLength={80} placeholder={t('tokens.namePlaceholder')} data-testid="token-form-name" />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('tokens.expiresInDays')}
          extra={t('tokens.expiresHint')}
          rules={[{ required: true, type: 'integer', min: MIN_DAYS, max: MAX_DAYS, message: t('tokens.expiresHint') }]}
        >
          <InputNumber
            min={MIN_DAYS}
            max={MAX_DAYS}
            precision={0}
            style={{ width: 160 }}
            data-testid="token-form-days"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
