import type { CodeTable } from './code-table.js';
import { ETHNICITY_CODES } from './ethnicity-codes.js';
import { FAMILY_RELATION_CODES } from './family-relation-codes.js';

/** Codes the event catalog itself defines (docs/event-catalog.md), for fields no standard covers. */
const CATALOG = { system: 'PopX event catalog', edition: '1' } as const;

const TABLES = {
  sex: {
    name: 'sex',
    titleZh: '性别',
    titleEn: 'Sex',
    system: 'GB/T 2261.1',
    edition: '2003',
    entries: [
      { code: '1', labelZh: '男', labelEn: 'Male', aliases: ['男性', 'M'] },
      { code: '2', labelZh: '女', labelEn: 'Female', aliases: ['女性', 'F'] },
      { code: '0', labelZh: '未知的性别', labelEn: 'Unknown', aliases: ['未知'] },
      { code: '9', labelZh: '未说明的性别', labelEn: 'Not stated', aliases: ['未说明'] },
    ],
  },
  marital_status: {
    name: 'marital_status',
    titleZh: '婚姻状况',
    titleEn: 'Marital status',
    system: 'GB/T 2261.2',
    edition: '2003',
    entries: [
      { code: '10', labelZh: '未婚', labelEn: 'Never married' },
      { code: '20', labelZh: '已婚', labelEn: 'Married', aliases: ['有配偶'] },
      { code: '21', labelZh: '初婚', labelEn: 'First marriage', rollsUpTo: '20' },
      { code: '22', labelZh: '再婚', labelEn: 'Remarried', rollsUpTo: '20' },
      { code: '23', labelZh: '复婚', labelEn: 'Remarried to former spouse', rollsUpTo: '20' },
      { code: '30', labelZh: '丧偶', labelEn: 'Widowed' },
      { code: '40', labelZh: '离婚', labelEn: 'Divorced' },
      { code: '90', labelZh: '未说明的婚姻状况', labelEn: 'Not stated', aliases: ['未说明'] },
    ],
  },
  ethnicity: ETHNICITY_CODES,
  family_relation: FAMILY_RELATION_CODES,
  move_reason: {
    name: 'move_reason',
    titleZh: '迁移原因',
    titleEn: 'Reason for the move',
    ...CATALOG,
    entries: [
      { code: '1', labelZh: '婚姻', labelEn: 'Marriage', aliases: ['婚迁'] },
      { code: '2', labelZh: '工作', labelEn: 'Work', aliases: ['工作调动', '务工'] },
      { code: '3', labelZh: '学习', labelEn: 'Study', aliases: ['升学', '读书'] },
      { code: '4', labelZh: '投靠亲属', labelEn: 'Joining relatives', aliases: ['投亲'] },
      { code: '5', labelZh: '购房', labelEn: 'Bought a home', aliases: ['购房入户'] },
      { code: '9', labelZh: '其他', labelEn: 'Other' },
    ],
  },
  termination_method: {
    name: 'termination_method',
    titleZh: '中止妊娠方式',
    titleEn: 'Method of pregnancy termination',
    ...CATALOG,
    entries: [
      { code: '1', labelZh: '人工流产', labelEn: 'Surgical abortion', aliases: ['人流', '手术流产'] },
      { code: '2', labelZh: '药物流产', labelEn: 'Medical abortion', aliases: ['药流'] },
      { code: '3', labelZh: '引产', labelEn: 'Induced labour', aliases: ['中期引产'] },
    ],
  },
  contraception_method: {
    name: 'contraception_method',
    titleZh: '节育手术/避孕方法',
    titleEn: 'Contraceptive procedure or method',
    ...CATALOG,
    entries: [
      { code: '1', labelZh: '放置宫内节育器', labelEn: 'IUD insertion', aliases: ['上环', '放环', '宫内节育器'] },
      { code: '2', labelZh: '取出宫内节育器', labelEn: 'IUD removal', aliases: ['取环'] },
      { code: '3', labelZh: '女性绝育', labelEn: 'Female sterilisation', aliases: ['女扎', '输卵管结扎'] },
      { code: '4', labelZh: '男性绝育', labelEn: 'Male sterilisation', aliases: ['男扎', '输精管结扎'] },
      { code: '5', labelZh: '皮下埋植', labelEn: 'Subdermal implant', aliases: ['皮埋'] },
      { code: '9', labelZh: '其他', labelEn: 'Other' },
    ],
  },
  followup_result: {
    name: 'followup_result',
    titleZh: '随访结果',
    titleEn: 'Follow-up result',
    ...CATALOG,
    entries: [
      { code: '1', labelZh: '正常', labelEn: 'Normal' },
      { code: '2', labelZh: '异常', labelEn: 'Abnormal' },
    ],
  },
  checkup_risk: {
    name: 'checkup_risk',
    titleZh: '孕前检查风险评估',
    titleEn: 'Pre-pregnancy risk assessment',
    ...CATALOG,
    entries: [
      { code: '1', labelZh: '低风险', labelEn: 'Low risk', aliases: ['一般人群'] },
      { code: '2', labelZh: '高风险', labelEn: 'High risk', aliases: ['高风险人群'] },
    ],
  },
  insurance_status: {
    name: 'insurance_status',
    titleZh: '参保状态',
    titleEn: 'Insurance status',
    ...CATALOG,
    entries: [
      { code: '1', labelZh: '在保', labelEn: 'In force', aliases: ['参保', '有效'] },
      { code: '2', labelZh: '终止', labelEn: 'Ended', aliases: ['退保', '停保'] },
    ],
  },
  labor_direction: {
    name: 'labor_direction',
    titleZh: '劳务流向',
    titleEn: 'Direction of labour migration',
    ...CATALOG,
    entries: [
      { code: 'in', labelZh: '输入', labelEn: 'Inbound', aliases: ['劳务输入', '转入'] },
      { code: 'out', labelZh: '输出', labelEn: 'Outbound', aliases: ['劳务输出', '转出'] },
    ],
  },
  vaccine: {
    name: 'vaccine',
    titleZh: '疫苗',
    titleEn: 'Vaccine',
    system: '国家免疫规划疫苗儿童免疫程序 (NIP schedule)',
    edition: '2021',
    entries: [
      { code: 'HepB', labelZh: '乙肝疫苗', labelEn: 'Hepatitis B vaccine' },
      { code: 'BCG', labelZh: '卡介苗', labelEn: 'BCG vaccine' },
      { code: 'IPV', labelZh: '脊灰灭活疫苗', labelEn: 'Inactivated polio vaccine' },
      { code: 'OPV', labelZh: '脊灰减毒活疫苗', labelEn: 'Oral polio vaccine', aliases: ['bOPV', '脊灰疫苗', '糖丸'] },
      { code: 'DTaP', labelZh: '百白破疫苗', labelEn: 'DTaP vaccine', aliases: ['百白破'] },
      { code: 'DT', labelZh: '白破疫苗', labelEn: 'DT vaccine', aliases: ['白破'] },
      { code: 'MMR', labelZh: '麻腮风疫苗', labelEn: 'Measles, mumps and rubella vaccine', aliases: ['麻腮风'] },
      { code: 'JE-L', labelZh: '乙脑减毒活疫苗', labelEn: 'Live Japanese encephalitis vaccine' },
      { code: 'JE-I', labelZh: '乙脑灭活疫苗', labelEn: 'Inactivated Japanese encephalitis vaccine' },
      { code: 'MPSV-A', labelZh: 'A群流脑多糖疫苗', labelEn: 'Meningococcal A polysaccharide vaccine' },
      { code: 'MPSV-AC', labelZh: 'A群C群流脑多糖疫苗', labelEn: 'Meningococcal A+C polysaccharide vaccine' },
      { code: 'HepA-L', labelZh: '甲肝减毒活疫苗', labelEn: 'Live hepatitis A vaccine' },
      { code: 'HepA-I', labelZh: '甲肝灭活疫苗', labelEn: 'Inactivated hepatitis A vaccine' },
    ],
  },
  permit_decision: {
    name: 'permit_decision',
    titleZh: '审批决定',
    titleEn: 'Permit decision',
    ...CATALOG,
    entries: [
      { code: 'approved', labelZh: '批准', labelEn: 'Approved', aliases: ['同意', '准予'] },
      { code: 'refused', labelZh: '不批准', labelEn: 'Refused', aliases: ['不同意', '不予批准'] },
    ],
  },
  action: {
    name: 'action',
    titleZh: '操作',
    titleEn: 'Action',
    ...CATALOG,
    entries: [
      { code: 'create', labelZh: '新增', labelEn: 'Create', aliases: ['新建'] },
      { code: 'correct', labelZh: '更正', labelEn: 'Correct', aliases: ['修改', '变更'] },
      { code: 'cancel', labelZh: '撤销', labelEn: 'Cancel', aliases: ['删除', '作废'] },
    ],
  },
} as const satisfies Record<string, CodeTable>;

export type CodeTableName = keyof typeof TABLES;

/**
 * Every code table the event catalog refers to, by name. Adding a code is a change here; the
 * name of a table is what field definitions cite in `codeTable`.
 */
export const CODE_TABLES: Readonly<Record<CodeTableName, CodeTable>> = TABLES;

/** The code table of that name; undefined for an unknown name. */
export function getCodeTable(name: string): CodeTable | undefined {
  return Object.hasOwn(CODE_TABLES, name) ? CODE_TABLES[name as CodeTableName] : undefined;
}
