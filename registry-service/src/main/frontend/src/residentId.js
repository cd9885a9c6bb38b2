// 18-character resident identity number (GB 11643-1999): 6-digit area code, 8-digit birth date,
// 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character. The server validates too; this
// only lets the form say so early and show the birth date it reads.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function checkChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Parses a resident ID: {birthDate: Date} when well formed with a right check character, else null. */
export function parseResidentId(value) {
  const id = String(value ?? '').trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return null;
  if (checkChar(id.slice(0, 17)) !== id[17]) return null;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = new Date(year, month - 1, day);
  if (birthDate.getFullYear() !== year || birthDate.getMonth() !== month - 1 || birthDate.getDate() !== day) return null;
  if (year < 1900 || birthDate > new Date()) return null;
  return { birthDate };
}

/** Whole years between a birth date and today. */
export function ageOn(birthDate, today = new Date()) {
  let age = today.getFullYear() - birthDate.getFullYear();
  const beforeBirthday = today.getMonth() < birthDate.getMonth()
    || (today.getMonth() === birthDate.getMonth() && today.getDate() < birthDate.getDate());
  if (beforeBirthday) age -= 1;
  return age;
}
