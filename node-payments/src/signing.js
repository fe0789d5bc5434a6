// Request signing: X-Payments-Signature: t=<unix seconds>,v1=<hex>
// hex = HMAC-SHA256(secret, `${t}.${METHOD}.${pathAndQuery}.` + rawBody)
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-payments-signature';

/**
 * Compute the v1 signature (lowercase hex).
 * @param {string|Buffer} secret
 * @param {number|string} t unix seconds
 * @param {string} method HTTP method (upper-cased here)
 * @param {string} pathAndQuery request target exactly as sent, e.g. "/v1/payments?order_id=7"
 * @param {Buffer|string} rawBody exact body bytes ("" when there is none)
 */
export function computeSignature(secret, t, method, pathAndQuery, rawBody) {
  const mac = createHmac('sha256', typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
  mac.update(`${t}.${method.toUpperCase()}.${pathAndQuery}.`, 'utf8');
  mac.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
  return mac.digest('hex');
}

/** Build a full header value, for clients and tests. */
export function signatureHeader(secret, t, method, pathAndQuery, rawBody) {
  return `t=${t},v1=${computeSignature(secret, t, method, pathAndQuery, rawBody)}`;
}

/**
 * Parse a header value. Returns null when malformed.
 * @returns {{t: number, v1: string[]} | null}
 */
export function parseSignatureHeader(value) {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) return null;
  let t = null;
  const v1 = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== null || !/^\d{1,12}$/.test(val)) return null;
      t = Number(val);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(val)) return null;
      v1.push(val.toLowerCase());
    }
    // Unknown schemes (v0, v2, ...) are ignored so the scheme can evolve.
  }
  if (t === null || v1.length === 0) return null;
  return { t, v1 };
}

/**
 * Verify a signature header.
 * @returns {{ok: true} | {ok: false, reason: 'missing'|'malformed'|'stale'|'mismatch'}}
 */
export function verifySignature({ secret, header, method, pathAndQuery, rawBody, nowSec, toleranceSec = 300 }) {
  if (header === undefined || header === null || header === '') return { ok: false, reason: 'missing' };
  const parsed = parseSignatureHeader(Array.isArray(header) ? header.join(',') : header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSec - parsed.t) > toleranceSec) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(computeSignature(secret, parsed.t, method, pathAndQuery, rawBody), 'hex');
  let match = false;
  for (const candidate of parsed.v1) {
    const given = Buffer.from(candidate, 'hex');
    // Both are 32 bytes (the header parser only accepts 64 hex digits).
    if (given.length === expected.length && timingSafeEqual(given, expected)) match = true;
  }
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
