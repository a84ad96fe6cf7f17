import type { Golden } from './survivorship.js';

/** What the registry says about a person now, derived from the golden record. */
export interface PersonState {
  idNumber: string | null;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  diedOn: string | null;
  hukouDivision: string | null;
  residenceDivision: string | null;
  managingDivision: string | null;
  /** registered (户籍), floating (流动), moved_out, dead, or external (known only as a relative). */
  population: 'registered' | 'floating' | 'moved_out' | 'dead' | 'external';
  maritalStatus: string | null;
  expectedDeliveryOn: string | null;
  contraceptionMethod: string | null;
  flags: PersonFlags;
}

export interface PersonFlags {
  onlyChildInsurance?: boolean;
  twoDaughterPension?: boolean;
  residencePermit?: { from: string; to: string | null };
  businessLicense?: string;
  birthPermit?: string;
  birthServiceRegisteredOn?: string;
  reportedSons?: number;
  reportedDaughters?: number;
}

/**
 * Derives a person's current state from the golden record: alive or dead, 户籍地 / 居住地 /
 * 管理地, registered or floating, marital status, current pregnancy, contraception, flags.
 * `districtCode` is the 6-digit code of this district.
 */
export function derivePersonState(golden: Golden, districtCode: string): PersonState {
  const v = (fact: keyof Golden) => golden[fact]?.v ?? null;
  const hukou = v('hukou_division');
  const hukouInDistrict = hukou !== null && hukou.startsWith(districtCode);
  const outOn = v('hukou_out_on');
  const inOn = golden.hukou_division?.on ?? v('hukou_in_on');
  const movedOut = outOn !== null && (inOn === null || outOn >= inOn);
  const residence = v('residence_division') ?? (hukouInDistrict && !movedOut ? hukou : null);
  const diedOn = v('died_on');
  const permitFrom = v('residence_permit_from');

  let population: PersonState['population'];
  if (diedOn) population = 'dead';
  else if (hukouInDistrict && !movedOut) population = 'registered';
  else if (permitFrom !== null || (residence !== null && residence.startsWith(districtCode))) population = movedOut && permitFrom === null ? 'moved_out' : 'floating';
  else if (movedOut) population = 'moved_out';
  else population = 'external';

  const managing = population === 'registered' ? hukou : residence ?? (hukouInDistrict ? hukou : null);

  // A pregnancy is current when registered (or a delivery booked) after the last birth or termination.
  const started = maxDate(golden.pregnancy_registered_on?.on, golden.expected_delivery_on?.on);
  const ended = maxDate(v('gave_birth_on'), v('pregnancy_terminated_on'));
  const pregnant = started !== null && (ended === null || ended < started) && !diedOn;

  const method = v('contraception_method');
  const flags: PersonFlags = {};
  if (golden.only_child_insurance) flags.onlyChildInsurance = golden.only_child_insurance.v !== '2';
  if (golden.two_daughter_pension) flags.twoDaughterPension = golden.two_daughter_pension.v !== '2';
  if (permitFrom) flags.residencePermit = { from: permitFrom, to: v('residence_permit_to') };
  if (golden.business_license) flags.businessLicense = golden.business_license.v;
  if (golden.birth_permit) flags.birthPermit = golden.birth_permit.v;
  if (golden.birth_service_registered_on) flags.birthServiceRegisteredOn = golden.birth_service_registered_on.v;
  if (golden.reported_sons) flags.reportedSons = Number(golden.reported_sons.v);
  if (golden.reported_daughters) flags.reportedDaughters = Number(golden.reported_daughters.v);

  return {
    idNumber: v('id_number'),
    name: v('name'),
    sex: v('sex'),
    birthDate: v('birth_date'),
    diedOn,
    hukouDivision: hukou,
    residenceDivision: residence,
    managingDivision: managing,
    population,
    maritalStatus: v('marital_status'),
    expectedDeliveryOn: pregnant ? v('expected_delivery_on') : null,
    // Code 2 is the removal of an IUD: no method in use afterwards.
    contraceptionMethod: method === '2' ? null : method,
    flags,
  };
}

function maxDate(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}
