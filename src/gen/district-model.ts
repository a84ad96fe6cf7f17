import type { DistrictProfile, DivisionRow } from '../platform/district/district-file.js';
import { DivisionTree } from '../platform/district/division-tree.js';
import { demoOrgs } from '../platform/orgs/demo-orgs.js';
import type { OrgInput } from '../platform/orgs/orgs.service.js';
import { AliasTable } from './alias-table.js';
import { Rng } from './rng.js';

/**
 * The district as the generator sees it: its villages (where people live), their towns, how
 * populous each village is, and which demo organisation reports what for each town.
 */
export class DistrictModel {
  readonly tree: DivisionTree;
  readonly towns: DivisionRow[];
  readonly villages: DivisionRow[];
  /** Town index of each village. */
  readonly villageTown: Int16Array;
  /** Villages of each town. */
  readonly townVillages: number[][];
  readonly orgs: OrgInput[];
  readonly villageTable: AliasTable;
  /** Per town: the police station, the hospital whose catchment it is, the town office. */
  readonly policeOf: string[];
  readonly hospitalOf: string[];
  readonly townOrgOf: string[];
  /** The village office of each town (the demo has one per town) and the village it serves. */
  readonly villageOrgOf: Array<{ code: string; village: number } | undefined>;

  constructor(profile: DistrictProfile, seed: string) {
    this.tree = new DivisionTree(profile.divisions);
    this.towns = this.tree.childrenOf(this.tree.root.code).filter((row) => row.level === 'town');
    if (this.towns.length === 0) throw new Error('the district profile has no towns');
    this.villages = [];
    this.townVillages = [];
    const townOfVillage: number[] = [];
    this.towns.forEach((town, townIndex) => {
      const list: number[] = [];
      const children = this.tree.childrenOf(town.code);
      // A town without villages in the profile still needs somewhere to live: the town itself.
      for (const village of children.length > 0 ? children : [town]) {
        list.push(this.villages.length);
        this.villages.push(village);
        townOfVillage.push(townIndex);
      }
      this.townVillages.push(list);
    });
    this.villageTown = Int16Array.from(townOfVillage);
    const rng = Rng.fork(seed, 'village-sizes');
    // Villages differ a lot in size: log-normal weights.
    this.villageTable = new AliasTable(this.villages.map(() => Math.exp(rng.normal(0, 0.6))));
    this.orgs = demoOrgs(this.tree);
    const serving = (type: string, townCode: string) =>
      this.orgs.find((org) => org.type === type && org.parentCode && (org.divisions ?? []).includes(townCode))?.code;
    this.policeOf = this.towns.map((t) => serving('police', t.code) ?? 'POLICE');
    this.hospitalOf = this.towns.map((t) => serving('health', t.code) ?? 'HEALTH');
    this.townOrgOf = this.towns.map((t) => this.orgs.find((o) => o.type === 'town' && o.divisions?.includes(t.code))?.code ?? 'BUREAU');
    this.villageOrgOf = this.towns.map((t) => {
      const org = this.orgs.find((o) => o.type === 'village' && o.parentCode === this.townOrgOf[this.towns.indexOf(t)]);
      const villageCode = org?.divisions?.[0];
      const village = villageCode ? this.villages.findIndex((v) => v.code === villageCode) : -1;
      return org && village >= 0 ? { code: org.code, village } : undefined;
    });
  }

  townOfVillage(village: number): number {
    return this.villageTown[village]!;
  }

  /** A village of the same town, other than this one where possible. */
  neighbourVillage(rng: Rng, village: number): number {
    const list = this.townVillages[this.townOfVillage(village)]!;
    return list.length > 1 ? rng.pick(list) : village;
  }
}
