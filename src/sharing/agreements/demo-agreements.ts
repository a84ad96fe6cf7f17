import type { Kysely } from 'kysely';
import { getEventType } from '../../exchange/catalog/index.js';
import type { Database } from '../../platform/db/schema.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import { type Agreement, type AgreementScope, type PersonField } from './agreement.js';
import { saveAgreement } from './agreements.repository.js';

interface DemoAgreement {
  id: string;
  orgCode: string;
  title: string;
  purpose: string;
  types: readonly string[];
  personFields: readonly PersonField[];
  /** Whole district, or the organisation's own jurisdiction (catchment, town). */
  district: boolean;
}

const ALL_PERSON_FIELDS: readonly PersonField[] = ['id_number', 'name', 'sex', 'birth_date', 'died_on', 'hukou_division', 'residence_division', 'managing_division', 'population', 'marital_status', 'household_number', 'expected_delivery_on', 'contraception_method', 'flags'];

/** The sharing the seed implies (mission.md): who reads what from whom, and why. */
function demoAgreements(orgCodes: readonly string[]): DemoAgreement[] {
  const out: DemoAgreement[] = [
    { id: 'AG-POLICE-BIRTHS', orgCode: 'POLICE', title: '医院出生信息（公安入户核对）', purpose: '新生儿入户登记核对出生医学证明与出生报告', types: ['birth', 'birth_certificate'], personFields: [], district: true },
    { id: 'AG-LABOR-DEATHS', orgCode: 'LABOR-SI', title: '死亡注销信息（社保停发核对）', purpose: '死亡人员社会保险待遇停发核对', types: ['hukou_death'], personFields: ['id_number', 'name', 'died_on'], district: true },
    { id: 'AG-MCH-BIRTHS', orgCode: 'MCH', title: '出生、入户与孕情信息（妇幼服务）', purpose: '孕产妇与新生儿随访服务', types: ['birth', 'hukou_birth', 'pregnancy', 'pregnancy_termination'], personFields: ['id_number', 'name', 'birth_date', 'residence_division', 'expected_delivery_on'], district: true },
    { id: 'AG-COMMERCE-PERMITS', orgCode: 'COMMERCE', title: '流动人口居住登记（营业执照核验）', purpose: '流动人口办理营业执照时核验居住证', types: ['residence_permit'], personFields: ['id_number', 'name', 'population'], district: true },
  ];
  for (const code of ['HOSP-01', 'HOSP-02']) {
    out.push({ id: `AG-${code}-DUE`, orgCode: code, title: '辖区孕妇预产期（接生预约）', purpose: '按预产期安排接生预约与产前服务', types: ['pregnancy'], personFields: ['id_number', 'name', 'birth_date', 'residence_division', 'managing_division', 'expected_delivery_on'], district: false });
  }
  for (const code of orgCodes.filter((c) => c.startsWith('TOWN-'))) {
    out.push({ id: `AG-${code}-CHANGES`, orgCode: code, title: '本镇街管理人口的全部变动', purpose: '镇街每月下载、核对并上报辖区人口变动', types: ['*'], personFields: ALL_PERSON_FIELDS, district: false });
  }
  return out.filter((a) => orgCodes.includes(a.orgCode));
}

/** Inserts the demo district's agreements, approved from today, in the caller's transaction. */
export async function seedDemoAgreements(trx: Kysely<Database>, districtCode: string, allTypes: readonly string[]): Promise<number> {
  const orgs = await trx.selectFrom('orgs').select(['id', 'code']).execute();
  const idOf = new Map(orgs.map((o) => [o.code, o.id]));
  const now = new Date().toISOString();
  const agreements = demoAgreements([...idOf.keys()]);
  for (const demo of agreements) {
    const types = demo.types[0] === '*' ? allTypes : demo.types;
    const eventFields: AgreementScope['eventFields'] = {};
    for (const type of types) eventFields[type] = getEventType(type)!.fields.map((f) => f.key).sort();
    const agreement: Agreement = {
      id: demo.id,
      orgId: idOf.get(demo.orgCode)!,
      orgCode: demo.orgCode,
      title: demo.title,
      purpose: demo.purpose,
      eventFields,
      personFields: [...demo.personFields].sort(),
      area: demo.district ? { mode: 'divisions', codes: [districtCode] } : { mode: 'jurisdiction' },
      validFrom: todayInDistrict(),
      validTo: null,
      status: 'approved',
      version: 1,
      requestedBy: 'popx',
      requestedAt: now,
      decidedBy: 'popx',
      decidedAt: now,
      note: '演示区县预置协议 / shipped with the demo district',
      updatedAt: now,
    };
    await saveAgreement(trx, agreement, { action: 'seed', actor: 'popx', note: null, isNew: true });
  }
  return agreements.length;
}
