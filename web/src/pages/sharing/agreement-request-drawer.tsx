import { Alert, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../api/api-error.js';
import { api } from '../../api/client.js';
import type { Agreement, AgreementRequestBody } from '../../api/types.js';
import { useSession, useSignedIn } from '../../auth/session-context.js';
import { OrgSelect } from '../../components/org-select.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { DivisionSelect } from '../orgs/division-select.js';
import { EventFieldsPicker } from './event-fields-picker.js';
import type { EventFields } from './event-fields-picker.js';
import { PersonFieldsPicker } from './person-fields-picker.js';

interface RequestForm {
  orgCode: string;
  title: string;
  purpose: string;
  eventFields: EventFields;
  personFields: string[];
  areaMode: 'jurisdiction' | 'divisions';
  divisions: string[];
  validFrom: Dayjs;
  validTo: Dayjs | null;
}

const DRAWER_WIDTH_PX = 760;
const PURPOSE_MIN_CHARS = 4;
/** Form fields a server error's `details.field` may name. */
const FORM_FIELDS = new Set(['title', 'purpose', 'eventFields', 'personFields', 'validFrom', 'validTo', 'orgCode']);

/** The form a department fills to ask for data: types and fields, registry fields, area, period, purpose. */
export function AgreementRequestDrawer({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (a: Agreement) => void;
}) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const catalog = useCatalog();
  const [form] = Form.useForm<RequestForm>();
  const areaMode = Form.useWatch('areaMode', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const forOthers = can('agreement.decide');

  const onFinish = async (v: RequestForm) => {
    setSaving(true);
    setError(null);
    const body: AgreementRequestBody = {
      ...(forOthers ? { orgCode: v.orgCode } : {}),
      title: v.title.trim(),
      purpose: v.purpose.trim(),
      eventFields: v.eventFields ?? {},
      personFields: v.personFields ?? [],
      area: v.areaMode === 'divisions' ? { mode: 'divisions', codes: v.divisions } : { mode: 'jurisdiction' },
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
    };
    try {
      onCreated(await api.post<Agreement>('/api/v1/agreements', body));
    } catch (err) {
      if (!showOnField(err, v.areaMode)) setError(err);
    } finally {
      setSaving(false);
    }
  };

  // The sharing API names the offending input in `details.field`; the area maps to the division picker.
  const showOnField = (err: unknown, mode: RequestForm['areaMode']): boolean => {
    if (!isApiError(err)) return false;
    const named = (err.details as { field?: unknown } | null)?.field;
    const field = named === 'area' ? (mode === 'divisions' ? 'divisions' : 'areaMode') : named;
    if (typeof field !== 'string' || !(FORM_FIELDS.has(field) || field === 'divisions' || field === 'areaMode'))
      return false;
    form.setFields([{ name: field as keyof RequestForm, errors: [describeError(err)] }]);
    return true;
  };

  const scopeRule = {
    validator: async () => {
      const types = (form.getFieldValue('eventFields') ?? {}) as EventFields;
      const persons = (form.getFieldValue('personFields') ?? []) as string[];
      if (Object.keys(types).length === 0 && persons.length === 0) throw new Error(t('sharing.request.scopeRequired'));
      const empty = Object.entries(types).find(([, fields]) => fields.length === 0);
      if (empty) {
        const type = catalog.data?.byKey.get(empty[0]);
        throw new Error(t('sharing.request.typeNeedsField', { type: type ? type.labelZh : empty[0] }));
      }
    },
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.lg ? DRAWER_WIDTH_PX : '100%'}
      title={t('sharing.request.title')}
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose} data-testid="agreement-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="agreement-form-submit">
            {t('sharing.request.submit')}
          </Button>
        </Flex>
      }
      data-testid="agreement-request"
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={describeError(error)}
          style={{ marginBottom: 16 }}
          data-testid="agreement-form-error"
        />
      )}
      <Form<RequestForm>
        form={form}
        layout="vertical"
        initialValues={{
          orgCode: session.user.org.code,
          eventFields: {},
          personFields: [],
          areaMode: 'jurisdiction',
          divisions: [],
          validFrom: dayjs(),
          validTo: null,
        }}
        onFinish={(v) => void onFinish(v)}
      >
        {forOthers && (
          <Form.Item name="orgCode" label={t('sharing.request.org')} rules={[{ required: true }]}>
            <OrgSelect valueLabel={session.user.org.name} testId="agreement-form-org" />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('sharing.request.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('common.requiredField', { field: t('sharing.request.name') }),
            },
          ]}
        >
          <Input
            maxLength={100}
            placeholder={t('sharing.request.namePlaceholder')}
            data-testid="agreement-form-title"
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('sharing.request.purpose')}
          rules={[
            { required: true, whitespace: true, message: t('sharing.request.purposeMin') },
            {
              validator: async (_, v: string | undefined) => {
                if ((v ?? '').trim().length < PURPOSE_MIN_CHARS) throw new Error(t('sharing.request.purposeMin'));
              },
            },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('sharing.request.purposePlaceholder')}
            data-testid="agreement-form-purpose"
          />
        </Form.Item>
        <Form.Item
          name="eventFields"
          label={t('sharing.request.eventTypes')}
          extra={t('sharing.request.eventTypesHint')}
          rules={[scopeRule]}
          dependencies={['personFields']}
        >
          <EventFieldsPicker catalog={catalog.data} />
        </Form.Item>
        <Form.Item
          name="personFields"
          label={t('sharing.request.personFields')}
          extra={t('sharing.request.personFieldsHint')}
        >
          <PersonFieldsPicker />
        </Form.Item>
        <Form.Item name="areaMode" label={t('sharing.request.area')}>
          <Radio.Group data-testid="agreement-form-area">
            <Radio value="jurisdiction" data-testid="agreement-form-area-jurisdiction">
              {t('sharing.request.areaJurisdiction')}
            </Radio>
            <Radio value="divisions" data-testid="agreement-form-area-divisions">
              {t('sharing.request.areaDivisions')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {areaMode === 'divisions' && (
          <Form.Item
            name="divisions"
            rules={[{ required: true, type: 'array', min: 1, message: t('sharing.request.areaDivisionsRequired') }]}
          >
            <DivisionSelect testId="agreement-form-divisions" />
          </Form.Item>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="validFrom" label={t('sharing.request.validFrom')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} data-testid="agreement-form-valid-from" />
          </Form.Item>
          <Form.Item name="validTo" label={t('sharing.request.validTo')} extra={t('sharing.request.validToHint')}>
            <DatePicker data-testid="agreement-form-valid-to" />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
