import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgreementScope } from '../../api/types.js';
import type { CatalogIndex } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';

/** A compact list of an agreement's event types (with how many fields each) for tables. */
export function AgreementTypesSummary({
  scope,
  catalog,
}: {
  scope: AgreementScope;
  catalog: CatalogIndex | undefined;
}) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const types = Object.entries(scope.eventFields);
  if (types.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = types.slice(0, 3);
  return (
    <Space wrap size={[4, 4]}>
      {shown.map(([key, fields]) => (
        <Tooltip key={key} title={`${key} · ${fields.length}`}>
          <Tag>{labels.typeKey(catalog, key)}</Tag>
        </Tooltip>
      ))}
      {types.length > shown.length && (
        <Typography.Text type="secondary">
          {t('sharing.agreements.typesCount', { count: types.length })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The period of an agreement: `from 至 to`, or open-ended. */
export function usePeriodLabel(): (scope: Pick<AgreementScope, 'validFrom' | 'validTo'>) => string {
  const { t } = useTranslation();
  return (scope) =>
    t('sharing.agreements.periodValue', {
      from: scope.validFrom,
      to: scope.validTo ?? t('sharing.agreements.openEnded'),
    });
}
