// Idempotency keys: claimed by insert under a unique _id ("<scope>:<key>"), with a
// keyed fingerprint of the request and a lease so that a crashed request cannot
// block its key forever.
import { HttpError } from './errors.js';
import { canonicalJson } from './canonical-json.js';
import { keyedFingerprint } from './crypto-keys.js';
import { newLeaseOwner } from './ids.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/; // visible ASCII, no spaces

/** Read and check the Idempotency-Key header. */
export function requireIdempotencyKey(value) {
  if (value === undefined || value === '') {
    throw new HttpError(400, 'idempotency_key_required', 'the Idempotency-Key header is required for this request', {
      errors: [{ field: 'Idempotency-Key', message: 'is required' }],
    });
  }
  if (!KEY_PATTERN.test(value)) {
    throw new HttpError(400, 'invalid_idempotency_key', 'the Idempotency-Key header must be 1 to 255 visible ASCII characters', {
      errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
    });
  }
  return value;
}

/**
 * @param {{store: object, clock: {now: () => number}, leaseMs: number, ttlMs: number, fingerprintKey: Buffer, metrics?: object}} deps
 */
export function createIdempotency({ store, clock, leaseMs, ttlMs, fingerprintKey, metrics }) {
  /** Keyed (HMAC) fingerprint of method, path and canonical body; keyed because bodies may hold card data. */
  const fingerprint = (method, path, body) => keyedFingerprint(fingerprintKey, canonicalJson([method.toUpperCase(), path, body ?? null]));

  return {
    fingerprint,

    /**
     * Claim a key, or find out what to answer instead.
     * @param {{scope: string, key: string, method: string, path: string, body: unknown, newResourceId: () => string}} request
     * @returns {Promise<{kind: 'replay', response: {status: number, body: object, problem?: boolean}} | {kind: 'claimed', claim: {id: string, owner: string, resourceId: string, leaseUntil: number, takenOver: boolean}}>}
     * @throws {HttpError} 422 idempotency_key_reused, 409 request_in_progress
     */
    async begin({ scope, key, method, path, body, newResourceId }) {
      const id = `${scope}:${key}`;
      const fp = fingerprint(method, path, body);
      const owner = newLeaseOwner();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const now = clock.now();
        const doc = {
          _id: id,
          scope,
          key,
          fingerprint: fp,
          state: 'in_progress',
          owner,
          lease_until: now + leaseMs,
          resource_id: newResourceId(),
          created_at: new Date(now),
          expires_at: now + ttlMs,
        };
        if (await store.insertIdempotencyKey(doc)) {
          return { kind: 'claimed', claim: { id, owner, resourceId: doc.resource_id, leaseUntil: doc.lease_until, takenOver: false } };
        }
        const existing = await store.getIdempotencyKey(id);
        if (!existing) continue; // released or purged in between: try to insert again
        if (existing.expires_at <= now) {
          await store.deleteExpiredIdempotencyKey(id, now);
          continue;
        }
        if (existing.fingerprint !== fp) {
          metrics?.idempotencyConflicts.inc({ code: 'idempotency_key_reused' });
          throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was already used with a different request', {
            errors: [{ field: 'Idempotency-Key', message: 'was already used with a different request' }],
          });
        }
        if (existing.state === 'completed') {
          metrics?.idempotentReplays.inc();
          return { kind: 'replay', response: existing.response };
        }
        if (existing.lease_until > now) {
          metrics?.idempotencyConflicts.inc({ code: 'request_in_progress' });
          throw new HttpError(409, 'request_in_progress', 'a request with this Idempotency-Key is still being processed; retry later', {
            headers: { 'Retry-After': String(Math.max(1, Math.ceil((existing.lease_until - now) / 1000))) },
          });
        }
        // The lease expired: whoever held it crashed or stalled. Take it over. On MongoDB this is a
        // compare-and-set on the owner; on FerretDB 1.x two takers may both win, which is harmless:
        // both then work on the same payment id, whose outcome is decided by a unique insert.
        const took = await store.takeOverIdempotencyKey(id, { fromOwner: existing.owner, toOwner: owner, leaseUntil: now + leaseMs, now });
        if (took) {
          metrics?.leaseTakeovers.inc({ kind: 'idempotency_key' });
          return {
            kind: 'claimed',
            claim: { id, owner, resourceId: existing.resource_id, leaseUntil: now + leaseMs, takenOver: true },
          };
        }
      }
      metrics?.idempotencyConflicts.inc({ code: 'request_in_progress' });
      throw new HttpError(409, 'request_in_progress', 'a request with this Idempotency-Key is still being processed; retry later', {
        headers: { 'Retry-After': '1' },
      });
    },

    /** Store the final response (first completion wins). False when it was already completed or released. */
    async complete(claim, response) {
      return store.completeIdempotencyKey(claim.id, { response, expiresAt: clock.now() + ttlMs });
    },

    /** Give the key up (nothing happened that a retry must see). */
    async release(claim) {
      return store.releaseIdempotencyKey(claim.id, claim.owner);
    },

    /** Delete keys past their retention period. */
    async purgeExpired() {
      return store.purgeExpiredIdempotencyKeys(clock.now());
    },
  };
}
