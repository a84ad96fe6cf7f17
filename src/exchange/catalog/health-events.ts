import { defineEventType } from './define-event-type.js';
import type { EventType } from './event-type.js';
import {
  certificateField,
  codeField,
  dateField,
  divisionField,
  idNumberField,
  integerField,
  nameField,
} from './field-builders.js';
import { parentRules, pregnancyRules } from './person-rules.js';
import { subjectIdNumber } from './person-fields.js';

const motherIdNumber = (required: boolean) =>
  idNumberField({
    key: 'mother_id_number',
    required,
    label: ['母亲公民身份号码', "Mother's ID number"],
    meaning: ['婴儿母亲（产妇）的公民身份号码。', "ID number of the baby's mother."],
  });

/** Hospital (卫生) events; `birth` is also submitted by MCH stations and towns. */
export const HEALTH_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'birth',
    labelZh: '婴儿出生',
    labelEn: 'Birth',
    descriptionZh: '医院接生（或服务站、镇街获悉）一名活产婴儿后报送，每个婴儿一条。',
    descriptionEn: 'Sent for each live-born baby a hospital delivered (or a station or town learned of).',
    department: 'health',
    submitters: ['health', 'mch', 'town'],
    eventDateField: 'birth_date',
    subjectField: 'mother_id_number',
    subjectKind: 'person',
    fields: [
      motherIdNumber(true),
      codeField({
        key: 'child_sex',
        required: true,
        label: ['婴儿性别', "Baby's sex"],
        meaning: ['婴儿的性别。', "The baby's sex."],
        codeTable: 'sex',
      }),
      dateField({
        key: 'birth_date',
        required: true,
        label: ['出生日期', 'Date of birth'],
        meaning: ['婴儿的出生日期。', "The baby's date of birth."],
      }),
      nameField({
        key: 'child_name',
        label: ['婴儿姓名', "Baby's name"],
        meaning: ['已取名的填写。', 'If already named.'],
      }),
      nameField({
        key: 'mother_name',
        label: ['母亲姓名', "Mother's name"],
        meaning: ['产妇姓名。', "The mother's name."],
      }),
      idNumberField({
        key: 'father_id_number',
        label: ['父亲公民身份号码', "Father's ID number"],
        meaning: ['婴儿父亲的公民身份号码。', "ID number of the baby's father."],
      }),
      integerField({
        key: 'birth_weight_g',
        label: ['出生体重(克)', 'Birth weight (g)'],
        meaning: ['出生体重，单位克。', 'Weight at birth in grams.'],
        min: 200,
        max: 8000,
      }),
      integerField({
        key: 'gestational_weeks',
        label: ['孕周', 'Gestational weeks'],
        meaning: ['分娩时的孕周（整周）。', 'Completed weeks of gestation at delivery.'],
        min: 20,
        max: 45,
      }),
      integerField({
        key: 'birth_order',
        label: ['孩次', 'Birth order'],
        meaning: [
          '本次是母亲的第几个活产子女（双胎分别计）。',
          "The mother's nth live birth, twins counted one by one.",
        ],
        min: 1,
        max: 20,
      }),
      certificateField({
        key: 'birth_certificate_number',
        label: ['出生医学证明编号', 'Birth certificate number'],
        meaning: [
          '已签发的《出生医学证明》编号，一般为1位字母加9位数字。',
          'Number of the medical birth certificate if issued, usually a letter and 9 digits.',
        ],
      }),
      divisionField({
        key: 'division',
        label: ['现住地区划', 'Division of residence'],
        meaning: [
          '母亲在本区现住地所在的村居（或镇街）。',
          'The village (or town) where the mother lives in the district.',
        ],
      }),
      nameField({
        key: 'father_name',
        label: ['父亲姓名', "Father's name"],
        meaning: ['婴儿父亲的姓名。', "The father's name."],
      }),
      integerField({
        key: 'birth_length_cm',
        label: ['出生身长(厘米)', 'Birth length (cm)'],
        meaning: ['出生身长，单位厘米。', 'Length at birth in centimetres.'],
        min: 20,
        max: 70,
      }),
    ],
    rules: parentRules({ mother: 'mother_id_number', father: 'father_id_number', childBirthDate: 'birth_date' }),
    registryEffect: { kind: 'birth', evidence: 'hospital_report' },
  }),
  defineEventType({
    key: 'pregnancy_termination',
    labelZh: '中止妊娠/流引产',
    labelEn: 'Pregnancy termination',
    descriptionZh: '施行人工流产、药物流产或引产后报送。',
    descriptionEn: 'Sent after a surgical or medical abortion or an induced labour.',
    department: 'health',
    submitters: ['health', 'mch'],
    eventDateField: 'terminated_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['受术妇女的公民身份号码。', 'ID number of the woman.']),
      dateField({
        key: 'terminated_on',
        required: true,
        label: ['中止妊娠日期', 'Date of termination'],
        meaning: ['施术日期。', 'Date of the procedure.'],
      }),
      codeField({
        key: 'method',
        label: ['中止妊娠方式', 'Method'],
        meaning: ['中止妊娠的方式。', 'How the pregnancy was terminated.'],
        codeTable: 'termination_method',
      }),
      integerField({
        key: 'gestational_weeks',
        label: ['孕周', 'Gestational weeks'],
        meaning: ['施术时的孕周（整周）。', 'Completed weeks of gestation at the procedure.'],
        min: 1,
        max: 42,
      }),
      certificateField({
        key: 'permit_number',
        label: ['中止妊娠证明编号', 'Termination certificate number'],
        meaning: [
          '凭计生部门证明施术（持证中止妊娠）的，填证明编号。',
          'When performed on a family-planning certificate, its number.',
        ],
      }),
    ],
    rules: [...pregnancyRules({ woman: 'id_number', date: 'terminated_on' })],
    registryEffect: { kind: 'pregnancy', stage: 'terminated' },
  }),
  defineEventType({
    key: 'vaccination',
    labelZh: '新生儿预防接种',
    labelEn: 'Infant vaccination',
    descriptionZh: '为婴幼儿接种一剂疫苗后报送；无身份号码的婴儿以母亲身份号码、出生日期和性别识别。',
    descriptionEn:
      "Sent for each dose given to an infant; a baby without an ID number is identified by mother's ID, birth date and sex.",
    department: 'health',
    submitters: ['health'],
    eventDateField: 'vaccinated_on',
    subjectField: 'child_id_number',
    subjectKind: 'person',
    subjectAlternative: {
      motherIdField: 'mother_id_number',
      birthDateField: 'child_birth_date',
      sexField: 'child_sex',
    },
    fields: [
      codeField({
        key: 'vaccine',
        required: true,
        label: ['疫苗', 'Vaccine'],
        meaning: ['接种的疫苗。', 'The vaccine given.'],
        codeTable: 'vaccine',
      }),
      dateField({
        key: 'vaccinated_on',
        required: true,
        label: ['接种日期', 'Date vaccinated'],
        meaning: ['接种日期。', 'Date of the dose.'],
      }),
      idNumberField({
        key: 'child_id_number',
        label: ['儿童公民身份号码', "Child's ID number"],
        meaning: [
          '已落户儿童的公民身份号码；没有时须填母亲身份号码、儿童出生日期和性别。',
          "The child's ID number; without it, give the mother's ID number, birth date and sex.",
        ],
      }),
      motherIdNumber(false),
      dateField({
        key: 'child_birth_date',
        label: ['儿童出生日期', "Child's date of birth"],
        meaning: ['儿童的出生日期。', "The child's date of birth."],
      }),
      codeField({
        key: 'child_sex',
        label: ['儿童性别', "Child's sex"],
        meaning: ['儿童的性别。', "The child's sex."],
        codeTable: 'sex',
      }),
      integerField({
        key: 'dose',
        label: ['剂次', 'Dose'],
        meaning: ['该疫苗的第几剂。', 'Which dose of this vaccine.'],
        min: 1,
        max: 10,
      }),
    ],
    rules: [
      {
        rule: 'one_of_required',
        groups: [['child_id_number'], ['mother_id_number', 'child_birth_date', 'child_sex']],
        severity: 'error',
      },
      {
        rule: 'id_agrees',
        idField: 'child_id_number',
        birthDateField: 'child_birth_date',
        sexField: 'child_sex',
        severity: 'error',
      },
      { rule: 'date_not_before', field: 'vaccinated_on', other: 'child_birth_date', severity: 'error' },
      { rule: 'age_at', idField: 'child_id_number', dateField: 'vaccinated_on', min: 0, severity: 'error' },
      { rule: 'age_at', idField: 'mother_id_number', dateField: 'child_birth_date', min: 12, severity: 'error' },
      { rule: 'id_sex', idField: 'mother_id_number', sex: '2', severity: 'warning' },
    ],
    registryEffect: { kind: 'child_seen' },
  }),
  defineEventType({
    key: 'delivery_booking',
    labelZh: '接生预约',
    labelEn: 'Delivery booking',
    descriptionZh: '孕妇在医院预约分娩后报送。',
    descriptionEn: 'Sent when a pregnant woman books her delivery at a hospital.',
    department: 'health',
    submitters: ['health'],
    eventDateField: 'booked_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['孕妇的公民身份号码。', "The pregnant woman's ID number."]),
      dateField({
        key: 'expected_delivery_on',
        required: true,
        allowFuture: true,
        label: ['预产期', 'Expected delivery date'],
        meaning: ['预计分娩日期。', 'Expected date of delivery.'],
      }),
      dateField({
        key: 'booked_on',
        required: true,
        label: ['预约日期', 'Date booked'],
        meaning: ['办理预约的日期。', 'The day the booking was made.'],
      }),
    ],
    rules: [
      ...pregnancyRules({ woman: 'id_number', date: 'booked_on' }),
      { rule: 'date_not_before', field: 'expected_delivery_on', other: 'booked_on', severity: 'warning' },
    ],
    registryEffect: { kind: 'pregnancy', stage: 'delivery_booked' },
  }),
];
