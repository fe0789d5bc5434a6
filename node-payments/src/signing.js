// Request signing, scheme v2:
//   X-Payments-Signature: t=<unix seconds>,n=<nonce>,v2=<hex>
//   hex = HMAC-SHA256(secret, "<t>\n<nonce>\n<METHOD>\n<path and query>\n<Idempotency-Key>\n" + rawBody)
// The Idempotency-Key header (empty when absent) is signed, so a captured body cannot be
// sent again under a new key; the nonce makes every signature unique, so the replay cache
// (middleware/signature.js) can refuse one that was already seen. No field can contain a
// newline (digits, [A-Za-z0-9_-], an HTTP token, a request target, visible ASCII), so the
// message is unambiguous. v1 (which did not cover the key) is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-payments-signature';
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Compute the v2 signature (lowercase hex).
 * @param {string|Buffer} secret
 * @param {{t: number|string, nonce: string, method: string, pathAndQuery: string, idempotencyKey?: string, rawBody: Buffer|string}} request
 *   pathAndQuery: the request target exactly as sent, e.g. "/v1/payments?order_id=7";
 *   idempotencyKey: the Idempotency-Key header as sent ("" or undefined when there is none);
 *   rawBody: the exact body bytes ("" when there is none).
 */
export function computeSignature(secret, { t, nonce, method, pathAndQuery, idempotencyKey = '', rawBody }) {
  const mac = createHmac('sha256', typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
  mac.update(`${t}\n${nonce}\n${method.toUpperCase()}\n${pathAndQuery}\n${idempotencyKey ?? ''}\n`, 'utf8');
  mac.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
  return mac.digest('hex');
}

/** Build a full header value, for clients and tests. */
export function signatureHeader(secret, request) {
  return `t=${request.t},n=${request.nonce},v2=${computeSignature(secret, request)}`;
}

/**
 * Parse a header value.
 * @returns {{t: number, nonce: string, v2: string[]} | {error: 'malformed'|'unsupported_scheme'}}
 */
export function parseSignatureHeader(value) {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) return { error: 'malformed' };
  let t = null;
  let nonce = null;
  let sawV1 = false;
  const v2 = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { error: 'malformed' };
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== null || !/^\d{1,12}$/.test(val)) return { error: 'malformed' };
      t = Number(val);
    } else if (key === 'n') {
      if (nonce !== null || !NONCE_PATTERN.test(val)) return { error: 'malformed' };
      nonce = val;
    } else if (key === 'v2') {
      if (!/^[0-9a-fA-F]{64}$/.test(val)) return { error: 'malformed' };
      v2.push(val.toLowerCase());
    } else if (key === 'v1') {
      sawV1 = true;
    }
    // Other schemes (v3, ...) are ignored so the scheme can evolve.
  }
  if (v2.length === 0 && sawV1) return { error: 'unsupported_scheme' };
  if (t === null || nonce === null || v2.length === 0) return { error: 'malformed' };
  return { t, nonce, v2 };
}

/**
 * Verify a signature header (not the replay cache: see middleware/signature.js).
 * @returns {{ok: true, t: number, nonce: string} | {ok: false, reason: 'missing'|'malformed'|'unsupported_scheme'|'stale'|'mismatch'}}
 */
export function verifySignature({ secret, header, method, pathAndQuery, idempotencyKey, rawBody, nowSec, toleranceSec = 300 }) {
  if (header === undefined || header === null || header === '') return { ok: false, reason: 'missing' };
  const parsed = parseSignatureHeader(Array.isArray(header) ? header.join(',') : header);
  if (parsed.error) return { ok: false, reason: parsed.error };
  if (Math.abs(nowSec - parsed.t) > toleranceSec) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(
    computeSignature(secret, { t: parsed.t, nonce: parsed.nonce, method, pathAndQuery, idempotencyKey, rawBody }),
    'hex',
  );
  let match = false;
  for (const candidate of parsed.v2) {
    const given = Buffer.from(candidate, 'hex');
    // Both are 32 bytes (the header parser only accepts 64 hex digits).
    if (given.length === expected.length && timingSafeEqual(given, expected)) match = true;
  }
  return match ? { ok: true, t: parsed.t, nonce: parsed.nonce } : { ok: false, reason: 'mismatch' };
}
