import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/use-lang.js';

/** The 中文 / English toggle; its label names the language it switches to. */
export function LangSwitch({ ghost = false }: { ghost?: boolean }) {
  const { t } = useTranslation();
  const { lang, setLang } = useLang();
  return (
    <Tooltip title={t('lang.switchTitle')}>
      <Button
        type={ghost ? 'text' : 'default'}
        icon={<GlobalOutlined />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
        data-lang={lang}
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {t('lang.switchTo')}
      </Button>
    </Tooltip>
  );
}
