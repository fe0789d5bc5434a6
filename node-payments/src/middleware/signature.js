// Verifies X-Payments-Signature (scheme v2, src/signing.js) over the raw body and the
// Idempotency-Key on every /v1 request, then refuses a signature already seen: its
// (t, nonce) is claimed by an insert under a unique _id in the store's replay cache,
// shared by every instance. Only verified signatures are recorded, and what is recorded
// is the timestamp and the nonce, never the digest (an HMAC over a body that may hold
// card data, under a secret the API also holds).
import { HttpError } from '../errors.js';
import { SIGNATURE_HEADER, verifySignature } from '../signing.js';
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
 *   replayCache: {claimNonce: (t: number, nonce: string) => Promise<boolean>}}} deps
 */
export function requireSignature({ secret, toleranceSec, nowSec, metrics, replayCache }) {
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
    let fresh;
    try {
      fresh = await replayCache.claimNonce(result.t, result.nonce);
    } catch (err) {
      req.log?.warn('replay cache unavailable', { error: err.message });
      return next(storeUnavailable());
    }
    if (!fresh) {
      metrics.signatureFailures.inc({ reason: 'replayed' });
      req.log?.warn('signature rejected', { reason: 'replayed' });
      return next(
        new HttpError('signature_replayed', 'this signature was already used; sign every request (and every retry) with a new nonce', {
          title: 'Unauthorized',
        }),
      );
    }
    return next();
  };
}
