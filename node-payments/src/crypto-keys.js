// Hashes and keyed fingerprints.
import { createHash, createHmac } from 'node:crypto';

/** Keyed fingerprint (hex HMAC-SHA256) of some bytes or a string. */
export function keyedFingerprint(key, data) {
  return createHmac('sha256', key).update(data).digest('hex');
}

/** Plain SHA-256 (hex), for data that holds no secret. */
export function sha256Hex(data) {
  return createHash('sha256').update(data).digest('hex');
}
