import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, useLabels } from '../../i18n/use-labels.js';

/** Picks one of the platform's roles, labelled in the UI language. */
export function RoleSelect({
  value,
  onChange,
  allowClear,
  placeholder,
  testId,
  style,
}: {
  value?: string;
  onChange?: (role: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const options = ROLES.map((role) => ({ value: role, label: labels.role(role) }));
  if (value && !options.some((o) => o.value === value))
    options.push({ value: value as (typeof ROLES)[number], label: value });
  return (
    <Select
      value={value}
      onChange={(role: string | undefined) => onChange?.(role)}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder ?? t('users.role')}
      style={style}
      data-testid={testId}
    />
  );
}
