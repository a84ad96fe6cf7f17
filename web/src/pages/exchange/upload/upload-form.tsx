import {
  CloudUploadOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  InboxOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Radio, Select, Space, Typography, Upload } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fileExtension, UPLOAD_TYPES } from '../../../api/upload.js';
import type { EventType, SubmissionMode } from '../../../api/types.js';
import { useSession, useSignedIn } from '../../../auth/session-context.js';
import { formatBytes } from '../../../format/format-bytes.js';
import { useLabels } from '../../../i18n/use-labels.js';
import { TemplateButtons } from '../template-buttons.js';
import type { CatalogIndex } from '../use-catalog.js';
import { groupByDepartment, maySubmit } from '../use-catalog.js';
import { useExchangeLabels } from '../use-exchange-labels.js';

const ACCEPT = Object.keys(UPLOAD_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');
const MODES: readonly SubmissionMode[] = ['accept_valid', 'reject_all'];

export interface UploadFormValues {
  type: string | undefined;
  file: File | null;
  mode: SubmissionMode;
}

/** The types this user may pick: the organisation's own; the bureau may pick any. */
export function selectableTypes(catalog: CatalogIndex, orgType: string): EventType[] {
  return orgType === 'bureau' ? catalog.types : catalog.types.filter((type) => maySubmit(type, orgType));
}

/** Event type, file (drag and drop), processing mode and the submit button. */
export function UploadForm({
  catalog,
  values,
  onChange,
  onSubmit,
  showErrors,
}: {
  catalog: CatalogIndex;
  values: UploadFormValues;
  onChange: (patch: Partial<UploadFormValues>) => void;
  onSubmit: () => void;
  /** The user pressed submit: mark what is missing. */
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useExchangeLabels();
  const orgLabels = useLabels();
  const { can } = useSession();
  const session = useSignedIn();
  const orgType = session.user.org.type;
  const types = useMemo(() => selectableTypes(catalog, orgType), [catalog, orgType]);
  const chosen = values.type ? catalog.byKey.get(values.type) : undefined;

  const options = groupByDepartment(types).map((group) => ({
    label: orgLabels.orgType(group.department),
    title: group.department,
    options: group.types.map((type) => ({ value: type.key, label: `${labels.type(type)}（${type.key}）` })),
  }));

  const pickFile = (file: File) => {
    const ext = fileExtension(file.name);
    if (!UPLOAD_TYPES[ext]) {
      void message.error(t('exchange.upload.badExtension', { name: file.name }));
      return;
    }
    if (file.size === 0) {
      void message.error(t('exchange.upload.emptyFile', { name: file.name }));
      return;
    }
    onChange({ file });
  };

  const typeMissing = showErrors && !values.type;
  const fileMissing = showErrors && !values.file;
  const notAllowed = chosen && !maySubmit(chosen, orgType);
  const FileIcon = values.file && fileExtension(values.file.name) === 'xlsx' ? FileExcelOutlined : FileTextOutlined;

  if (types.length === 0) {
    return (
      <Card>
        <Alert type="warning" showIcon title={t('exchange.upload.noTypes', { orgType: orgLabels.orgType(orgType) })} />
      </Card>
    );
  }

  return (
    <Card>
      <Form layout="vertical" onFinish={onSubmit} requiredMark>
        <Form.Item
          label={t('exchange.upload.type')}
          required
          validateStatus={typeMissing ? 'error' : undefined}
          help={typeMissing ? t('exchange.upload.typeRequired') : undefined}
        >
          <Select
            value={values.type}
            onChange={(type: string) => onChange({ type })}
            options={options}
            placeholder={t('exchange.upload.typePlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            size="large"
            data-testid="upload-type"
          />
        </Form.Item>
        {chosen && (
          <Flex vertical gap={8} style={{ marginTop: -8, marginBottom: 20 }}>
            <Typography.Text type="secondary">
              {labels.pick(chosen.descriptionZh, chosen.descriptionEn)}
            </Typography.Text>
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('exchange.upload.template')}</Typography.Text>
              <TemplateButtons type={chosen.key} testIdPrefix="upload-template" size="small" />
              {can('catalog.read') && (
                <Link to={`/exchange/catalog?type=${encodeURIComponent(chosen.key)}`} data-testid="upload-view-fields">
                  <Button type="link" size="small" icon={<ReadOutlined />}>
                    {t('exchange.upload.viewFields')}
                  </Button>
                </Link>
              )}
            </Flex>
            {notAllowed && (
              <Alert
                type="warning"
                showIcon
                title={t('exchange.upload.notSubmitter', {
                  orgType: orgLabels.orgType(orgType),
                  type: labels.type(chosen),
                  submitters: labels.orgTypes(chosen.submitters),
                })}
                data-testid="upload-not-submitter"
              />
            )}
          </Flex>
        )}
        <Form.Item
          label={t('exchange.upload.file')}
          required
          validateStatus={fileMissing ? 'error' : undefined}
          help={fileMissing ? t('exchange.upload.fileRequired') : undefined}
        >
          <div data-testid="upload-dropzone">
            <Upload.Dragger
              accept={ACCEPT}
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                pickFile(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('exchange.upload.dropTitle')}</p>
              <p className="ant-upload-hint">{t('exchange.upload.dropHint')}</p>
            </Upload.Dragger>
          </div>
          {values.file && (
            <Flex
              align="center"
              gap={12}
              style={{ marginTop: 12, padding: '8px 12px', border: '1px solid #d9d9d9', borderRadius: 6 }}
              data-testid="upload-file"
            >
              <FileIcon style={{ fontSize: 22, color: '#1a56db' }} />
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong ellipsis data-testid="upload-file-name">
                  {values.file.name}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="upload-file-size">
                  {formatBytes(values.file.size)}
                </Typography.Text>
              </Flex>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange({ file: null })}
                title={t('exchange.upload.remove')}
                data-testid="upload-file-remove"
              />
            </Flex>
          )}
        </Form.Item>
        <Form.Item label={t('exchange.upload.mode')}>
          <Radio.Group
            value={values.mode}
            onChange={(e) => onChange({ mode: e.target.value as SubmissionMode })}
            data-testid="upload-mode"
          >
            <Space orientation="vertical">
              {MODES.map((mode) => (
                <Radio key={mode} value={mode} data-testid={`upload-mode-${mode}`}>
                  <span>{t(`exchange.modes.${mode}`)}</span>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`exchange.modeHints.${mode}`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<CloudUploadOutlined />}
          data-testid="upload-submit"
        >
          {t('exchange.upload.submit')}
        </Button>
      </Form>
    </Card>
  );
}
