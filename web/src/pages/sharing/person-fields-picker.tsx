import { Checkbox, Flex } from 'antd';
import { PERSON_FIELDS } from './person-fields.js';
import { useSharingLabels } from './use-sharing-labels.js';

/** Ticks registry fields; narrowing passes `allowed` (the fields the agreement already shares). */
export function PersonFieldsPicker({
  value = [],
  onChange,
  allowed,
}: {
  value?: string[];
  onChange?: (fields: string[]) => void;
  allowed?: readonly string[];
}) {
  const labels = useSharingLabels();
  const offered = allowed ? PERSON_FIELDS.filter((f) => allowed.includes(f)) : PERSON_FIELDS;
  return (
    <Checkbox.Group value={value} onChange={(fields) => onChange?.(offered.filter((f) => fields.includes(f)))}>
      <Flex wrap gap={8}>
        {offered.map((field) => (
          <Checkbox key={field} value={field} data-testid={`scope-person-${field}`}>
            {labels.personField(field)}
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}
