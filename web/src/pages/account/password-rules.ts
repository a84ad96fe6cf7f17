/** Minimum password length the server enforces (WEAK_PASSWORD otherwise). */
export const PASSWORD_MIN_LENGTH = 10;

/** True when a password has at least one Latin letter and one digit, as the server requires. */
export function hasLettersAndDigits(password: string): boolean {
  return /[A-Za-z]/.test(password) && /\d/.test(password);
}

/** True when the password contains the username (the server refuses those). */
export function containsUsername(password: string, username: string): boolean {
  return username.length > 0 && password.toLowerCase().includes(username.toLowerCase());
}
