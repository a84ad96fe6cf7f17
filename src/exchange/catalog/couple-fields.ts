import type { FieldDefinition } from './event-type.js';
import { idNumberField } from './field-builders.js';

/** The husband's and the wife's ID numbers, as marriage, divorce and the bureau's documents name them. */
export function coupleIdNumbers(): FieldDefinition[] {
  return [
    idNumberField({
      key: 'husband_id_number',
      required: true,
      label: ['男方公民身份号码', "Husband's ID number"],
      meaning: ['男方（丈夫）的公民身份号码。', "The husband's ID number."],
    }),
    idNumberField({
      key: 'wife_id_number',
      required: true,
      label: ['女方公民身份号码', "Wife's ID number"],
      meaning: ['女方（妻子）的公民身份号码。', "The wife's ID number."],
    }),
  ];
}
