// 404, 405 and the error handler: every error leaves as application/problem+json.
import { HttpError } from '../errors.js';
import { sendProblem } from '../problem.js';
import { errorFields } from '../logger.js';

export function notFound() {
  return function notFoundMiddleware(req, res, next) {
    next(new HttpError('not_found', 'no such resource'));
  };
}

/** For `router.route(path).all(...)` after the allowed methods. */
export function methodNotAllowed(allowed) {
  const allow = allowed.join(', ');
  return function methodNotAllowedMiddleware(req, res, next) {
    next(new HttpError('method_not_allowed', `${req.method} is not allowed here; allowed: ${allow}`, { headers: { Allow: allow } }));
  };
}

/** Map body-parser errors (they carry .type and .status) to problems. */
function fromBodyParser(err) {
  switch (err.type) {
    case 'entity.too.large':
      return new HttpError('payload_too_large', 'the request body is larger than 64 KiB');
    case 'encoding.unsupported':
      return new HttpError('unsupported_media_type', 'compressed request bodies are not accepted');
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError('bad_request', 'the request body was incomplete');
    default:
      return null;
  }
}

// The driver's errors for a store that cannot be reached (or went away mid-request).
const STORE_DOWN = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoTopologyClosedError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
]);

/** The store is unreachable: 503, retryable (with the same Idempotency-Key). */
export function storeUnavailable() {
  return new HttpError('store_unavailable', 'the payment store is not reachable; retry later', { headers: { 'Retry-After': '1' } });
}

export function errorHandler() {
  // Express recognises error handlers by their four parameters.
  // eslint-disable-next-line no-unused-vars
  return function errorHandlerMiddleware(err, req, res, next) {
    let httpError = err instanceof HttpError ? err : null;
    if (!httpError && err && typeof err.type === 'string') httpError = fromBodyParser(err);
    if (!httpError && err && Number.isInteger(err.status) && err.status >= 400 && err.status < 500) {
      httpError = new HttpError('bad_request', 'the request could not be read');
    }
    if (!httpError && err && STORE_DOWN.has(err.name)) {
      req.log?.warn('store unavailable', errorFields(err));
      httpError = storeUnavailable();
    }
    if (!httpError) {
      req.log?.error('unhandled error', errorFields(err));
      httpError = new HttpError('internal_error', 'an internal error occurred; the request may be retried with the same Idempotency-Key');
    }
    if (res.headersSent) return req.socket?.destroy();
    return sendProblem(res, httpError.status, httpError.code, httpError.detail, {
      title: httpError.title,
      errors: httpError.errors,
      headers: httpError.headers,
    });
  };
}
