// Mobile: 11 digits starting 13–19, optionally +86/86. Landline: 0 + 2–3 digit area code,
// 7–8 digit number, optional `-` extension; separators may be a hyphen or a space.
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3})[- ]?\d{7,8}(?:-\d{1,6})?$/;

/** True for a Chinese mobile number or a landline number with its area code. */
export function isChinesePhone(value: string): boolean {
  const trimmed = value.trim();
  return MOBILE.test(trimmed) || LANDLINE.test(trimmed);
}
