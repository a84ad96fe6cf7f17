import { defineEventType } from './define-event-type.js';
import type { EventType } from './event-type.js';
import { certificateField, codeField, dateField, divisionField, idNumberField, textField } from './field-builders.js';
import { parentRules } from './person-rules.js';
import {
  subjectBirthDate,
  subjectEthnicity,
  subjectIdNumber,
  subjectMaritalStatus,
  subjectName,
  subjectSex,
} from './person-fields.js';

const householdNumber = textField({
  key: 'household_number',
  label: ['户号', 'Household number'],
  meaning: ['户口簿首页的户号。', 'The household number on the first page of the household register.'],
  maxLength: 32,
});

const hukouAddress = textField({
  key: 'address',
  label: ['户籍地址', 'Registered address'],
  meaning: ['落户的详细地址（街路巷、门牌号）。', 'Street address of the registration (street, number).'],
  maxLength: 200,
});

const relationToHead = codeField({
  key: 'relation_to_head',
  label: ['与户主关系', 'Relation to head of household'],
  meaning: ['本人与户主的关系（户口簿所载）。', 'Relationship to the head of household as the register records it.'],
  codeTable: 'family_relation',
});

const moveReason = codeField({
  key: 'reason',
  label: ['迁移原因', 'Reason for the move'],
  meaning: ['户口迁移的原因。', 'Why the household registration moved.'],
  codeTable: 'move_reason',
});

/** Police household-registration events (公安户政). */
export const POLICE_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'hukou_birth',
    labelZh: '新生儿入户登记',
    labelEn: 'Newborn household registration',
    descriptionZh: '派出所为新生儿办理出生登记（落户）后报送。',
    descriptionEn: 'Sent when the police station has registered a newborn in a household.',
    department: 'police',
    submitters: ['police'],
    eventDateField: 'registered_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, [
        '落户时为新生儿编配的公民身份号码。',
        'The ID number assigned to the newborn at registration.',
      ]),
      subjectName(true, ['新生儿登记的姓名。', "The newborn's registered name."]),
      subjectSex(true),
      subjectBirthDate(true),
      divisionField({
        key: 'division',
        required: true,
        label: ['户籍地区划', 'Division of registration'],
        meaning: ['新生儿落户地址所在的村居（或镇街）。', 'The village (or town) where the newborn is registered.'],
      }),
      dateField({
        key: 'registered_on',
        required: true,
        label: ['入户登记日期', 'Date registered'],
        meaning: ['派出所办理出生登记的日期。', 'The day the police station registered the birth.'],
      }),
      idNumberField({
        key: 'mother_id_number',
        label: ['母亲公民身份号码', "Mother's ID number"],
        meaning: ['新生儿母亲的公民身份号码。', "The newborn's mother's ID number."],
      }),
      idNumberField({
        key: 'father_id_number',
        label: ['父亲公民身份号码', "Father's ID number"],
        meaning: ['新生儿父亲的公民身份号码。', "The newborn's father's ID number."],
      }),
      certificateField({
        key: 'birth_certificate_number',
        label: ['出生医学证明编号', 'Birth certificate number'],
        meaning: [
          '入户所凭《出生医学证明》的编号，一般为1位字母加9位数字。',
          'Number of the medical birth certificate presented, usually a letter and 9 digits.',
        ],
      }),
      householdNumber,
      hukouAddress,
      subjectEthnicity(),
      relationToHead,
    ],
    rules: [
      { rule: 'id_agrees', idField: 'id_number', birthDateField: 'birth_date', sexField: 'sex', severity: 'error' },
      { rule: 'date_not_before', field: 'registered_on', other: 'birth_date', severity: 'error' },
      ...parentRules({ mother: 'mother_id_number', father: 'father_id_number', childBirthDate: 'birth_date' }),
    ],
    registryEffect: { kind: 'hukou_in', reason: 'birth' },
  }),
  defineEventType({
    key: 'hukou_move_in',
    labelZh: '户口迁入',
    labelEn: 'Household registration moved in',
    descriptionZh: '户口从外地迁入本区（或本区内跨镇街迁移的迁入方）时报送。',
    descriptionEn:
      'Sent when a household registration moves into the district (or into a town from another town of it).',
    department: 'police',
    submitters: ['police'],
    eventDateField: 'moved_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['迁入人员的公民身份号码。', 'ID number of the person moving in.']),
      subjectName(true, ['迁入人员的姓名。', 'Name of the person moving in.']),
      subjectSex(true),
      subjectBirthDate(true),
      divisionField({
        key: 'division',
        required: true,
        label: ['迁入地区划', 'Division moved to'],
        meaning: ['迁入后户籍所在的村居（或镇街）。', 'The village (or town) of the new registration.'],
      }),
      dateField({
        key: 'moved_on',
        required: true,
        label: ['迁入日期', 'Date moved in'],
        meaning: ['派出所办理迁入登记的日期。', 'The day the police station registered the move.'],
      }),
      divisionField({
        key: 'from_division',
        anyDistrict: true,
        label: ['迁出地区划', 'Division moved from'],
        meaning: ['原户籍所在地的区划代码。', 'Division code of the previous registration.'],
      }),
      moveReason,
      householdNumber,
      hukouAddress,
      subjectEthnicity(),
      relationToHead,
    ],
    rules: [
      { rule: 'id_agrees', idField: 'id_number', birthDateField: 'birth_date', sexField: 'sex', severity: 'error' },
      { rule: 'date_not_before', field: 'moved_on', other: 'birth_date', severity: 'error' },
    ],
    registryEffect: { kind: 'hukou_in', reason: 'move_in' },
  }),
  defineEventType({
    key: 'hukou_move_out',
    labelZh: '户口迁出',
    labelEn: 'Household registration moved out',
    descriptionZh: '本区户籍人员办理户口迁出时报送。',
    descriptionEn: "Sent when a resident's household registration moves out of the district.",
    department: 'police',
    submitters: ['police'],
    eventDateField: 'moved_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['迁出人员的公民身份号码。', 'ID number of the person moving out.']),
      dateField({
        key: 'moved_on',
        required: true,
        label: ['迁出日期', 'Date moved out'],
        meaning: ['派出所办理迁出的日期。', 'The day the police station registered the move.'],
      }),
      divisionField({
        key: 'to_division',
        anyDistrict: true,
        label: ['迁往地区划', 'Division moved to'],
        meaning: ['迁往地的区划代码。', 'Division code of the destination.'],
      }),
      moveReason,
    ],
    rules: [{ rule: 'age_at', idField: 'id_number', dateField: 'moved_on', min: 0, severity: 'error' }],
    registryEffect: { kind: 'hukou_out', reason: 'move_out' },
  }),
  defineEventType({
    key: 'hukou_death',
    labelZh: '死亡注销',
    labelEn: 'Registration cancelled on death',
    descriptionZh: '派出所因死亡注销户口时报送。',
    descriptionEn: "Sent when the police station cancels a deceased person's registration.",
    department: 'police',
    submitters: ['police'],
    eventDateField: 'died_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['死者的公民身份号码。', 'ID number of the deceased.']),
      dateField({
        key: 'died_on',
        required: true,
        label: ['死亡日期', 'Date of death'],
        meaning: ['死亡医学证明（或其他死亡证明）上的死亡日期。', 'Date of death on the death certificate.'],
      }),
      dateField({
        key: 'cancelled_on',
        required: true,
        label: ['注销日期', 'Date cancelled'],
        meaning: ['派出所注销户口的日期。', 'The day the police station cancelled the registration.'],
      }),
      certificateField({
        key: 'death_certificate_number',
        label: ['死亡医学证明编号', 'Death certificate number'],
        meaning: ['注销所凭死亡证明的编号。', 'Number of the death certificate presented.'],
      }),
    ],
    rules: [
      { rule: 'age_at', idField: 'id_number', dateField: 'died_on', min: 0, severity: 'error' },
      { rule: 'date_not_before', field: 'cancelled_on', other: 'died_on', severity: 'error' },
    ],
    registryEffect: { kind: 'death' },
  }),
  defineEventType({
    key: 'hukou_register',
    labelZh: '常住人口登记（存量）',
    labelEn: 'Registered resident (existing register)',
    descriptionZh: '派出所报送辖区常住人口登记表的现有记录，用于平台初始建库和定期全量核对。',
    descriptionEn:
      "The police station's existing register of residents, sent once to build the platform's registry and then for periodic full reconciliation.",
    department: 'police',
    submitters: ['police'],
    eventDateField: 'registered_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['登记人员的公民身份号码。', 'ID number of the registered person.']),
      subjectName(true, ['登记的姓名。', 'Registered name.']),
      subjectSex(true),
      subjectBirthDate(true),
      divisionField({
        key: 'division',
        required: true,
        label: ['户籍地区划', 'Division of registration'],
        meaning: ['户籍地址所在的村居（或镇街）。', 'The village (or town) of the registered address.'],
      }),
      dateField({
        key: 'registered_on',
        required: true,
        label: ['登记日期', 'Date registered'],
        meaning: ['在本址落户（或本表核对）的日期。', 'The day the person was registered at this address (or the register was checked).'],
      }),
      householdNumber,
      relationToHead,
      idNumberField({
        key: 'mother_id_number',
        label: ['母亲公民身份号码', "Mother's ID number"],
        meaning: ['母亲的公民身份号码（户口簿所载，可空）。', "The mother's ID number, where the register holds it."],
      }),
      idNumberField({
        key: 'father_id_number',
        label: ['父亲公民身份号码', "Father's ID number"],
        meaning: ['父亲的公民身份号码（户口簿所载，可空）。', "The father's ID number, where the register holds it."],
      }),
      idNumberField({
        key: 'spouse_id_number',
        label: ['配偶公民身份号码', "Spouse's ID number"],
        meaning: ['配偶的公民身份号码（可空）。', "The spouse's ID number, where known."],
      }),
      subjectMaritalStatus(false, ['登记表所载的婚姻状况。', 'Marital status as the register records it.']),
      subjectEthnicity(),
      hukouAddress,
    ],
    rules: [
      { rule: 'id_agrees', idField: 'id_number', birthDateField: 'birth_date', sexField: 'sex', severity: 'error' },
      { rule: 'date_not_before', field: 'registered_on', other: 'birth_date', severity: 'error' },
    ],
    registryEffect: { kind: 'hukou_in', reason: 'register' },
  }),
  defineEventType({
    key: 'residence_permit',
    labelZh: '流动人口居住登记(暂住证/居住证)',
    labelEn: 'Residence registration of a migrant (residence permit)',
    descriptionZh: '外地户籍人员在本区办理居住登记或居住证（原暂住证）时报送。',
    descriptionEn: 'Sent when a person registered elsewhere registers residence or gets a residence permit here.',
    department: 'police',
    submitters: ['police'],
    eventDateField: 'valid_from',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['登记人员的公民身份号码。', 'ID number of the registered person.']),
      subjectName(true, ['登记人员的姓名。', 'Name of the registered person.']),
      subjectSex(true),
      subjectBirthDate(true),
      divisionField({
        key: 'division',
        required: true,
        label: ['居住地区划', 'Division of residence'],
        meaning: ['在本区居住地所在的村居（或镇街）。', 'The village (or town) where the person lives.'],
      }),
      dateField({
        key: 'valid_from',
        required: true,
        label: ['登记日期', 'Registered from'],
        meaning: ['居住登记日期或居住证有效期起始日期。', 'Date of registration, or start of the permit validity.'],
      }),
      divisionField({
        key: 'hukou_division',
        anyDistrict: true,
        label: ['户籍地区划', 'Division of household registration'],
        meaning: ['户口所在地的区划代码。', 'Division code of the household registration.'],
      }),
      textField({
        key: 'address',
        label: ['居住地址', 'Address of residence'],
        meaning: ['在本区的详细居住地址。', 'Street address in the district.'],
        maxLength: 200,
      }),
      certificateField({
        key: 'permit_number',
        label: ['居住证编号', 'Permit number'],
        meaning: ['居住证（暂住证）编号。', 'Number of the residence (temporary residence) permit.'],
      }),
      dateField({
        key: 'valid_to',
        allowFuture: true,
        label: ['有效期至', 'Valid until'],
        meaning: ['居住证有效期截止日期。', 'Last day of the permit validity.'],
      }),
      codeField({
        key: 'marital_status',
        label: ['婚姻状况', 'Marital status'],
        meaning: ['登记时的婚姻状况。', 'Marital status at registration.'],
        codeTable: 'marital_status',
      }),
      subjectEthnicity(),
    ],
    rules: [
      { rule: 'id_agrees', idField: 'id_number', birthDateField: 'birth_date', sexField: 'sex', severity: 'error' },
      { rule: 'date_not_before', field: 'valid_from', other: 'birth_date', severity: 'error' },
      { rule: 'date_not_before', field: 'valid_to', other: 'valid_from', severity: 'error' },
    ],
    registryEffect: { kind: 'residence', basis: 'residence_permit' },
  }),
];
