import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { Org, OrgCreateBody, OrgPatchBody } from '../../api/types.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { OrgSelect } from '../../components/org-select.js';
import { ORG_TYPES, useLabels } from '../../i18n/use-labels.js';
import { DivisionSelect } from './division-select.js';
import { isChinesePhone } from './phone-rule.js';

interface OrgForm {
  code: string;
  type: string;
  name: string;
  parentCode?: string | null;
  divisions?: string[];
  liaisonName?: string;
  liaisonPhone?: string;
}

export interface OrgFormModalProps {
  /** The organisation to edit, or null to create one. */
  org: Org | null;
  onClose: () => void;
  onSaved: (org: Org) => void;
}

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;
const ERROR_FIELDS = { ORG_EXISTS: 'code', INVALID_PARENT: 'parentCode', UNKNOWN_DIVISION: 'divisions' };

function blankToUndefined(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function createBody(v: OrgForm): OrgCreateBody {
  return {
    code: v.code.trim(),
    type: v.type,
    name: v.name.trim(),
    parentCode: blankToUndefined(v.parentCode),
    divisions: v.divisions?.length ? v.divisions : undefined,
    liaisonName: blankToUndefined(v.liaisonName),
    liaisonPhone: blankToUndefined(v.liaisonPhone),
  };
}

// Sends only what changed; a cleared optional field is sent as null.
function patchBody(org: Org, v: OrgForm): OrgPatchBody {
  const body: OrgPatchBody = {};
  if (v.name.trim() !== org.name) body.name = v.name.trim();
  const parent = blankToUndefined(v.parentCode) ?? null;
  if (parent !== org.parentCode) body.parentCode = parent;
  const divisions = v.divisions ?? [];
  if ([...divisions].sort().join() !== [...org.divisions].sort().join()) body.divisions = divisions;
  const liaisonName = blankToUndefined(v.liaisonName) ?? null;
  if (liaisonName !== (org.liaisonName || null)) body.liaisonName = liaisonName;
  const liaisonPhone = blankToUndefined(v.liaisonPhone) ?? null;
  if (liaisonPhone !== (org.liaisonPhone || null)) body.liaisonPhone = liaisonPhone;
  return body;
}

/** Create or edit an organisation: code, type, name, parent, divisions and liaison. */
export function OrgFormModal({ org, onClose, onSaved }: OrgFormModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<OrgForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editing = org !== null;

  const onFinish = async (values: OrgForm) => {
    setSaving(true);
    setError(null);
    try {
      if (editing) {
        const body = patchBody(org, values);
        if (Object.keys(body).length === 0) return onClose();
        onSaved(await api.patch<Org>(`/api/v1/orgs/${seg(org.code)}`, body));
      } else {
        onSaved(await api.post<Org>('/api/v1/orgs', createBody(values)));
      }
    } catch (err) {
      if (!applyServerErrors(form, err, describeError, ERROR_FIELDS)) setError(err);
    } finally {
      setSaving(false);
    }
  };

  const initialValues: Partial<OrgForm> = org
    ? {
        code: org.code,
        type: org.type,
        name: org.name,
        parentCode: org.parentCode,
        divisions: org.divisions,
        liaisonName: org.liaisonName ?? '',
        liaisonPhone: org.liaisonPhone ?? '',
      }
    : { divisions: [] };

  return (
    <Modal
      open
      title={editing ? t('orgs.editTitle', { name: org.name }) : t('orgs.create')}
      width={680}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'org-form-ok' }}
      cancelButtonProps={{ 'data-testid': 'org-form-cancel' }}
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 16 }} />}
      <Form<OrgForm> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="code"
              label={t('orgs.code')}
              extra={editing ? undefined : t('orgs.codeHint')}
              normalize={(value: string | undefined) => value?.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: t('common.requiredField', { field: t('orgs.code') }) },
                { pattern: CODE_PATTERN, message: t('orgs.codePattern') },
              ]}
            >
              <Input disabled={editing} maxLength={32} data-testid="org-form-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="type"
              label={t('orgs.type')}
              rules={[{ required: true, message: t('common.selectField', { field: t('orgs.type') }) }]}
            >
              <Select
                disabled={editing}
                options={ORG_TYPES.map((type) => ({ value: type, label: labels.orgType(type) }))}
                data-testid="org-form-type"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, whitespace: true, message: t('common.requiredField', { field: t('orgs.name') }) }]}
        >
          <Input maxLength={100} data-testid="org-form-name" />
        </Form.Item>
        <Form.Item name="parentCode" label={t('orgs.parent')}>
          <OrgSelect
            allowClear
            excludeCode={org?.code}
            valueLabel={org?.parentName}
            placeholder={t('orgs.parentNone')}
            testId="org-form-parent"
          />
        </Form.Item>
        <Form.Item name="divisions" label={t('orgs.divisions')} extra={t('orgs.divisionsHint')}>
          <DivisionSelect testId="org-form-divisions" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="liaisonName" label={t('orgs.liaisonName')}>
              <Input maxLength={50} data-testid="org-form-liaison-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="liaisonPhone"
              label={t('orgs.liaisonPhone')}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    if (value?.trim() && !isChinesePhone(value)) throw new Error(t('orgs.phoneInvalid'));
                  },
                },
              ]}
            >
              <Input maxLength={20} inputMode="tel" data-testid="org-form-liaison-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
