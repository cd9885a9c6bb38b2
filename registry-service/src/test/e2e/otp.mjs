// The one-time codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30 s) of the demo staff, from the secret
// seeded for each of them in infra/keycloak/anjia-realm.json, as an authenticator app computes them.
// Keycloak takes the code of the current period and of the one before and after, never the same code
// twice: each code handed out is of a later period than the last one for that user, and never of the
// period before, which stops being taken at the next boundary, perhaps while the form is being sent
// (waiting for the next period when the current one and the one after were used). The last period used is kept in target/demo-otp/<user>,
// shared with the Java tests (org.anjia.registry.DemoOtp), which sign the same users in too.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const REALM = new URL('../../../../infra/keycloak/anjia-realm.json', import.meta.url);
const LAST_USED = fileURLToPath(new URL('../../../target/demo-otp/', import.meta.url));
const PERIOD_MS = 30_000;

/** The user's seeded TOTP secret (base32), or undefined when the realm seeds none. */
export function demoSecret(username) {
  const user = JSON.parse(fs.readFileSync(REALM, 'utf8')).users.find((u) => u.username === username);
  const credential = user?.credentials?.find((c) => c.type === 'otp');
  return credential ? JSON.parse(credential.secretData).value : undefined;
}

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(c);
    if (value < 0) throw new Error(`not a base32 character: ${c}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The TOTP code of a period (RFC 4226 dynamic truncation, 6 digits). */
export function totp(secret, period) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(period));
  const hash = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A code Keycloak takes now for this user, never one handed out before. */
export async function nextDemoCode(username) {
  const secret = demoSecret(username);
  if (!secret) throw new Error(`the realm seeds no OTP secret for ${username}`);
  const file = `${LAST_USED}${username}`;
  const last = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : -Infinity;
  const now = Math.floor(Date.now() / PERIOD_MS);
  const period = Math.max(now, last + 1);
  if (period > now + 1) {
    // this period and the next were used: wait until this one is the next
    await new Promise((resolve) => setTimeout(resolve, (period - 1) * PERIOD_MS - Date.now() + 500));
  }
  fs.mkdirSync(LAST_USED, { recursive: true });
  fs.writeFileSync(file, String(period));
  return totp(secret, period);
}
