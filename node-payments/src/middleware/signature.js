// Verifies X-Payments-Signature (scheme v2, src/signing.js) over the raw body and the
// Idempotency-Key on every /v1 request, then refuses a signature already seen: its
// (t, nonce) is claimed in the store's replay cache (src/replay-guard.js), shared by
// every instance. Only verified signatures are recorded. Requests for which `deferClaim`
// is true (the charge) carry the claim to their handler as req.replayGuard, which must
// claim it (the payments service folds it into its first insert).
import { HttpError } from '../errors.js';
import { SIGNATURE_HEADER, verifySignature } from '../signing.js';
import { createReplayGuard } from '../replay-guard.js';
import { storeUnavailable } from './errors.js';

const DETAILS = {
  missing: 'the X-Payments-Signature header is missing',
  malformed: 'the X-Payments-Signature header is malformed; expected t=<unix seconds>,n=<nonce of 16-64 [A-Za-z0-9_-]>,v2=<64 hex digits>',
  unsupported_scheme: 'v1 signatures (which do not cover the Idempotency-Key) are no longer accepted; sign with v2',
  stale: 'the signature timestamp is outside the allowed window of 300 seconds',
  mismatch: 'the signature does not match the request',
};

/**
 * @param {{secret: string, toleranceSec: number, nowSec: () => number, metrics: object,
 *   store: {insertRecords: (docs: object[]) => Promise<number>}, deferClaim?: (req: object) => boolean}} deps
 */
export function requireSignature({ secret, toleranceSec, nowSec, metrics, store, deferClaim = () => false }) {
  return async function requireSignatureMiddleware(req, res, next) {
    const result = verifySignature({
      secret,
      header: req.headers[SIGNATURE_HEADER],
      method: req.method,
      pathAndQuery: req.originalUrl,
      idempotencyKey: req.headers['idempotency-key'] ?? '',
      rawBody: req.rawBody,
      nowSec: nowSec(),
      toleranceSec,
    });
    if (!result.ok) {
      metrics.signatureFailures.inc({ reason: result.reason });
      req.log?.warn('signature rejected', { reason: result.reason });
      return next(new HttpError('invalid_signature', DETAILS[result.reason], { title: 'Unauthorized' }));
    }
    req.replayGuard = createReplayGuard(store, result.t, result.nonce, metrics);
    if (deferClaim(req)) return next();
    try {
      await req.replayGuard.claim();
    } catch (err) {
      if (err instanceof HttpError) {
        req.log?.warn('signature rejected', { reason: 'replayed' });
        return next(err);
      }
      req.log?.warn('replay cache unavailable', { error: err.message });
      return next(storeUnavailable());
    }
    return next();
  };
}

/**
 * After a deferred request failed before its handler claimed the signature (bad JSON,
 * validation, a fault before the first insert): claim it now, so that every verified
 * signature is recorded exactly once; a replay then answers 401 instead of the error.
 */
export function claimReplayGuardOnError() {
  // Express recognises error handlers by their four parameters.
  return async function claimReplayGuardOnErrorMiddleware(err, req, res, next) {
    const guard = req.replayGuard;
    if (!guard || guard.taken) return next(err);
    try {
      await guard.claim();
    } catch (claimError) {
      if (claimError instanceof HttpError) return next(claimError);
      return next(err);
    }
    return next(err);
  };
}
