// Verifies X-Payments-Signature over the raw body on every /v1 request.
import { HttpError } from '../errors.js';
import { SIGNATURE_HEADER, verifySignature } from '../signing.js';

const DETAILS = {
  missing: 'the X-Payments-Signature header is missing',
  malformed: 'the X-Payments-Signature header is malformed; expected t=<unix seconds>,v1=<64 hex digits>',
  stale: 'the signature timestamp is outside the allowed window of 300 seconds',
  mismatch: 'the signature does not match the request',
};

/**
 * @param {{secret: string, toleranceSec: number, nowSec: () => number, metrics: object}} deps
 */
export function requireSignature({ secret, toleranceSec, nowSec, metrics }) {
  return function requireSignatureMiddleware(req, res, next) {
    const result = verifySignature({
      secret,
      header: req.headers[SIGNATURE_HEADER],
      method: req.method,
      pathAndQuery: req.originalUrl,
      rawBody: req.rawBody,
      nowSec: nowSec(),
      toleranceSec,
    });
    if (result.ok) return next();
    metrics.signatureFailures.inc({ reason: result.reason });
    req.log?.warn('signature rejected', { reason: result.reason });
    return next(new HttpError(401, 'invalid_signature', DETAILS[result.reason], { title: 'Unauthorized' }));
  };
}
