// Opaque identifiers.
import { randomBytes, randomUUID } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 24 lowercase base32 characters (120 random bits). */
function randomBase32(chars) {
  const bytes = randomBytes(Math.ceil((chars * 5) / 8));
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const PAYMENT_ID_PATTERN = /^pay_[a-z2-7]{24}$/;

export function newPaymentId() {
  return `pay_${randomBase32(24)}`;
}

export function newRequestId() {
  return randomUUID();
}

/** An owner token that identifies one request's claim on a lease. */
export function newLeaseOwner() {
  return randomBase32(16);
}
