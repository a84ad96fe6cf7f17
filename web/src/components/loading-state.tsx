import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner for a page or card that is loading. */
export function LoadingState({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullPage ? '100vh' : 240 }} data-testid="loading">
      <Spin size="large" description={t('common.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
