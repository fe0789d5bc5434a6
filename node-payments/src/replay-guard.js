// The replay cache: a verified signature's (t, nonce) is claimed by inserting
// `_id: "sig:<t>:<nonce>"` into payment_records — an insert under a unique _id, atomic on
// every backend and shared by every instance. Only t and the nonce are stored, never the
// digest (an HMAC over a body that may hold card data, under a secret the API holds too).
//
// The charge (POST /v1/payments) does not claim it on its own: it hands the document to
// the payments service, which puts it first in the ordered insert of [key, slot, payment]
// (one store command instead of two); every other path claims it by itself. A guard is
// claimed exactly once per request either way.
import { HttpError } from './errors.js';

export const SIGNATURE_WINDOW_SECONDS = 300;
// Kept this much past the end of its window (clocks of the instances may differ a little).
export const SIGNATURE_RETENTION_MARGIN_SECONDS = 60;

export const signatureRecordId = (t, nonce) => `sig:${t}:${nonce}`;

export function signatureRecord(t, nonce) {
  return {
    _id: signatureRecordId(t, nonce),
    kind: 'signature',
    t,
    expires_at: new Date((t + SIGNATURE_WINDOW_SECONDS + SIGNATURE_RETENTION_MARGIN_SECONDS) * 1000),
  };
}

export const signatureReplayed = () =>
  new HttpError('signature_replayed', 'this signature was already used; sign every request (and every retry) with a new nonce', {
    title: 'Unauthorized',
  });

/**
 * One request's claim on its signature.
 * @param {{insertRecords: (docs: object[]) => Promise<number>}} store
 */
export function createReplayGuard(store, t, nonce, metrics) {
  const doc = signatureRecord(t, nonce);
  let taken = false;
  return {
    get taken() {
      return taken;
    },
    /** The document, for a caller that inserts it first in its own ordered insert (then calls refused() if that stopped at 0). */
    take() {
      if (taken) return null;
      taken = true;
      return doc;
    },
    /** Count a refusal found by the caller's insert, and the error to answer. */
    refused() {
      metrics?.signatureFailures.inc({ reason: 'replayed' });
      return signatureReplayed();
    },
    /** Claim it now (no-op when already taken). Throws 401 signature_replayed when seen before. */
    async claim() {
      if (taken) return;
      taken = true;
      if ((await store.insertRecords([doc])) === 0) throw this.refused();
    },
  };
}
