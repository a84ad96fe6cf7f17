import { Card, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The four steps of a submission, beside the form. */
export function UploadHelp() {
  const { t } = useTranslation();
  return (
    <Card title={t('exchange.uploadHelp.title')} size="small">
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={(['template', 'fill', 'upload', 'result'] as const).map((step) => ({
          title: t(`exchange.uploadHelp.${step}`),
          content: <Typography.Text type="secondary">{t(`exchange.uploadHelp.${step}Hint`)}</Typography.Text>,
        }))}
      />
    </Card>
  );
}
