import { Card, Checkbox, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventType } from '../../api/types.js';
import { useLabels } from '../../i18n/use-labels.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { groupByDepartment } from '../exchange/use-catalog.js';
import type { CatalogIndex } from '../exchange/use-catalog.js';

export type EventFields = Record<string, string[]>;

export interface EventFieldsPickerProps {
  catalog: CatalogIndex | undefined;
  value?: EventFields;
  onChange?: (value: EventFields) => void;
  /**
   * Narrowing: only these types and fields are offered, and a type can only be unticked or
   * ticked back (nothing beyond what the agreement already shares). Absent: any catalog type.
   */
  allowed?: EventFields;
}

/**
 * Event types with a field picker each. Requesting, a type is added from a searchable list with
 * all its fields ticked; narrowing, the agreement's types are listed and fields can be unticked.
 */
export function EventFieldsPicker({ catalog, value = {}, onChange, allowed }: EventFieldsPickerProps) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const orgLabels = useLabels();
  const fieldsOf = (key: string): string[] => allowed?.[key] ?? catalog?.byKey.get(key)?.fields.map((f) => f.key) ?? [];
  const set = (next: EventFields) => onChange?.(next);
  const setType = (key: string, fields: string[] | null) => {
    const next = { ...value };
    if (fields === null) delete next[key];
    else next[key] = fields;
    set(next);
  };
  const listed = allowed ? Object.keys(allowed) : Object.keys(value);

  const typeOptions = groupByDepartment(catalog?.types ?? []).map((group) => ({
    label: orgLabels.orgType(group.department),
    title: group.department,
    options: group.types.map((type) => ({ value: type.key, label: `${labels.type(type)}（${type.key}）` })),
  }));

  return (
    <Flex vertical gap={8}>
      {!allowed && (
        <Select
          mode="multiple"
          value={Object.keys(value)}
          onChange={(keys: string[]) => set(Object.fromEntries(keys.map((key) => [key, value[key] ?? fieldsOf(key)])))}
          options={typeOptions}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('sharing.request.typesPlaceholder')}
          data-testid="agreement-form-types"
        />
      )}
      {listed.map((key) => (
        <TypeFields
          key={key}
          type={catalog?.byKey.get(key)}
          typeKey={key}
          offered={fieldsOf(key)}
          chosen={value[key] ?? null}
          toggleable={Boolean(allowed)}
          onChange={(fields) => setType(key, fields)}
        />
      ))}
    </Flex>
  );
}

function TypeFields({
  type,
  typeKey,
  offered,
  chosen,
  toggleable,
  onChange,
}: {
  type: EventType | undefined;
  typeKey: string;
  offered: string[];
  chosen: string[] | null;
  toggleable: boolean;
  onChange: (fields: string[] | null) => void;
}) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const included = chosen !== null;
  const count = chosen?.length ?? 0;
  const title = (
    <Space wrap>
      {toggleable ? (
        <Checkbox
          checked={included}
          onChange={(e) => onChange(e.target.checked ? offered : null)}
          data-testid={`scope-type-${typeKey}`}
        >
          {type ? labels.type(type) : typeKey}
        </Checkbox>
      ) : (
        <span>{type ? labels.type(type) : typeKey}</span>
      )}
      <Typography.Text code style={{ fontWeight: 'normal' }}>
        {typeKey}
      </Typography.Text>
    </Space>
  );
  return (
    <Card
      size="small"
      title={title}
      extra={
        included && (
          <Space>
            <Typography.Text type={count === 0 ? 'danger' : 'secondary'}>
              {t('sharing.request.fieldsChosen', { count, total: offered.length })}
            </Typography.Text>
            <Checkbox
              checked={count === offered.length}
              indeterminate={count > 0 && count < offered.length}
              onChange={(e) => onChange(e.target.checked ? offered : [])}
              data-testid={`scope-all-${typeKey}`}
            >
              {t('sharing.request.checkAll')}
            </Checkbox>
          </Space>
        )
      }
      data-testid={`scope-card-${typeKey}`}
    >
      {included ? (
        <Checkbox.Group value={chosen} onChange={(fields) => onChange(offered.filter((f) => fields.includes(f)))}>
          <Flex wrap gap={8}>
            {offered.map((field) => (
              <Checkbox key={field} value={field} data-testid={`scope-field-${typeKey}-${field}`}>
                {labels.fieldKey(type, field)}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      )}
    </Card>
  );
}
