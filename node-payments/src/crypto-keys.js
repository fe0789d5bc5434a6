// Key material: HKDF derivation and keyed fingerprints.
import { createHmac, hkdfSync } from 'node:crypto';

const HKDF_SALT = 'node-payments/v1';

/** Derive the card-fingerprint key from the HMAC secret (HKDF-SHA256, 32 bytes). */
export function deriveFingerprintKey(hmacSecret) {
  return Buffer.from(hkdfSync('sha256', Buffer.from(hmacSecret, 'utf8'), HKDF_SALT, 'card-fingerprint', 32));
}

/** Keyed fingerprint (hex HMAC-SHA256) of some bytes or a string. */
export function keyedFingerprint(key, data) {
  return createHmac('sha256', key).update(data).digest('hex');
}
