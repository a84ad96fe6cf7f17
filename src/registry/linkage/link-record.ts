/**
 * One person record as the linkage engine sees it: every field optional except `id`, already
 * mapped from whatever columns the source used (see field-mapping.ts). Values may be raw: the
 * engine normalises them (full-width → half-width, traditional → simplified, 15 → 18-digit IDs).
 */
export interface LinkRecord {
  /** The caller's own identifier of the record; echoed in pairs, never compared. */
  id: string;
  /** Full name, e.g. 张伟 or "zhang wei"; used when given and surname are not split. */
  name?: string;
  givenName?: string;
  surname?: string;
  /** GB/T 2261.1 code 1/2 or 男/女, M/F; 0 and 9 count as unknown. */
  sex?: string;
  /** `YYYY-MM-DD` (also `YYYYMMDD`, `YYYY/M/D`, `YYYY年M月D日`). */
  birthDate?: string;
  /** Resident ID number (GB 11643, 15 or 18 characters) or any other person identifier. */
  idNumber?: string;
  /** 6-, 9- or 12-digit statistical division code. */
  division?: string;
  address?: string;
  motherIdNumber?: string;
  postcode?: string;
  /** Further fields compared as free text (FEBRL: street_number, address_2, suburb, state). */
  extra?: Record<string, string>;
}

/** The core fields of a LinkRecord that a column can be mapped to. */
export const LINK_FIELDS = [
  'id',
  'name',
  'givenName',
  'surname',
  'sex',
  'birthDate',
  'idNumber',
  'division',
  'address',
  'motherIdNumber',
  'postcode',
] as const;

export type LinkField = (typeof LINK_FIELDS)[number];
