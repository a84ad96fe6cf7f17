import { Space } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { seg } from '../../api/client.js';
import { DownloadButton } from '../../components/download-button.js';

/** The path of a blank template of an event type. */
export function templateUrl(type: string, format: 'xlsx' | 'csv'): string {
  return `/api/v1/templates/${seg(type)}.${format}`;
}

/** “Excel 模板” and “CSV 模板” download buttons; ids are `<testIdPrefix>-xlsx` and `-csv`. */
export function TemplateButtons({
  type,
  testIdPrefix,
  size,
  buttonType,
}: {
  type: string;
  testIdPrefix: string;
  size?: ButtonProps['size'];
  buttonType?: ButtonProps['type'];
}) {
  const { t } = useTranslation();
  return (
    <Space size={8} wrap>
      {(['xlsx', 'csv'] as const).map((format) => (
        <DownloadButton
          key={format}
          url={templateUrl(type, format)}
          fallbackName={`${type}.${format}`}
          testId={`${testIdPrefix}-${format}`}
          size={size}
          type={buttonType}
        >
          {t(`exchange.template.${format}`)}
        </DownloadButton>
      ))}
    </Space>
  );
}
