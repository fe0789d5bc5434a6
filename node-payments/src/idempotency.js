// Idempotency keys: the header, and the fingerprint of the request a key is bound to.
// The key itself is claimed by the insert of a record `_id: "key:<scope>:<key>"`
// (payments-service.js).
import { HttpError } from './errors.js';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './crypto-keys.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/; // visible ASCII, no spaces

/** Read and check the Idempotency-Key header. */
export function requireIdempotencyKey(value) {
  if (value === undefined || value === '') {
    throw new HttpError('idempotency_key_required', 'the Idempotency-Key header is required for this request', {
      errors: [{ field: 'Idempotency-Key', message: 'is required' }],
    });
  }
  if (!KEY_PATTERN.test(value)) {
    throw new HttpError('invalid_idempotency_key', 'the Idempotency-Key header must be 1 to 255 visible ASCII characters', {
      errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
    });
  }
  return value;
}

/**
 * The request as an idempotency key remembers it: the card's number, CVC and name are
 * replaced by its brand, last4 and expiry (what the payment record keeps in plain text
 * anyway), so the fingerprint is a function of stored, non-secret data only.
 * @param {object|undefined} body the validated body
 * @param {{brand: string, last4: string}|null} card the validated card, when there is one
 */
export function sanitizedRequest(body, card = null) {
  if (!body || typeof body !== 'object' || !body.card) return body ?? null;
  const { card: given, ...rest } = body;
  return { ...rest, card: { brand: card?.brand ?? null, last4: card?.last4 ?? null, exp_month: given.exp_month, exp_year: given.exp_year } };
}

/** SHA-256 (hex) of the canonical JSON of [METHOD, path, sanitized body]. */
export function requestFingerprint(method, path, body, card = null) {
  return sha256Hex(canonicalJson([method.toUpperCase(), path, sanitizedRequest(body, card)]));
}

export const idempotencyKeyReused = () =>
  new HttpError('idempotency_key_reused', 'this Idempotency-Key was already used with a different request', {
    errors: [{ field: 'Idempotency-Key', message: 'was already used with a different request' }],
  });

export const requestInProgress = (retryAfterSec = 1) =>
  new HttpError('request_in_progress', 'a request with this Idempotency-Key is still being processed; retry later', {
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSec))) },
  });
