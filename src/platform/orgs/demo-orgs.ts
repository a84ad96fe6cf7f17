import type { DivisionTree } from '../district/division-tree.js';
import type { OrgInput } from './orgs.service.js';

/** The short name of a town: 大良街道 → 大良, 陈村镇 → 陈村. */
function shortTownName(name: string): string {
  return name.replace(/(街道办事处|街道|镇|乡)$/, '');
}

/**
 * The organisations a district starts with, per the seed: the bureau and each department
 * with its client units (a police station and a village office per town, two hospitals,
 * the marriage registry, …). Liaison contacts are left for the bureau to fill in.
 */
export function demoOrgs(tree: DivisionTree): OrgInput[] {
  const district = tree.root;
  const all = [district.code];
  const towns = tree.childrenOf(district.code).filter((row) => row.level === 'town');
  const half = Math.ceil(towns.length / 2);
  const orgs: OrgInput[] = [
    { code: 'BUREAU', type: 'bureau', name: `${district.name}人口和计划生育局`, divisions: all },
    { code: 'POLICE', type: 'police', name: `${district.name}公安分局`, divisions: all },
    { code: 'HEALTH', type: 'health', name: `${district.name}卫生局`, divisions: all },
    {
      code: 'HOSP-01',
      type: 'health',
      name: `${district.name}第一人民医院`,
      parentCode: 'HEALTH',
      divisions: towns.slice(0, half).map((t) => t.code),
    },
    {
      code: 'HOSP-02',
      type: 'health',
      name: `${district.name}妇幼保健院`,
      parentCode: 'HEALTH',
      divisions: towns.slice(half).map((t) => t.code),
    },
    { code: 'CIVIL', type: 'civil', name: `${district.name}民政局`, divisions: all },
    { code: 'CIVIL-MR', type: 'civil', name: `${district.name}婚姻登记处`, parentCode: 'CIVIL', divisions: all },
    { code: 'LABOR', type: 'labor', name: `${district.name}劳动和社会保障局`, divisions: all },
    { code: 'LABOR-EMP', type: 'labor', name: `${district.name}劳动就业办`, parentCode: 'LABOR', divisions: all },
    {
      code: 'LABOR-SI',
      type: 'labor',
      name: `${district.name}社会劳动保险事业分处`,
      parentCode: 'LABOR',
      divisions: all,
    },
    { code: 'COMMERCE', type: 'commerce', name: `${district.name}工商分局`, divisions: all },
    { code: 'INFOCENTER', type: 'infocenter', name: `${district.name}政府信息中心`, divisions: [] },
    { code: 'MCH', type: 'mch', name: `${district.name}计生妇幼综合服务站`, parentCode: 'BUREAU', divisions: all },
  ];
  for (const town of towns) {
    const suffix = town.code.slice(6, 9);
    const short = shortTownName(town.name);
    orgs.push({
      code: `PS-${suffix}`,
      type: 'police',
      name: `${short}派出所`,
      parentCode: 'POLICE',
      divisions: [town.code],
    });
    orgs.push({
      code: `TOWN-${suffix}`,
      type: 'town',
      name: `${town.name}人口计生办`,
      parentCode: 'BUREAU',
      divisions: [town.code],
    });
    const village = tree.childrenOf(town.code)[0];
    if (village) {
      orgs.push({
        code: `VIL-${village.code.slice(6)}`,
        type: 'village',
        name: village.name,
        parentCode: `TOWN-${suffix}`,
        divisions: [village.code],
      });
    }
  }
  return orgs;
}
