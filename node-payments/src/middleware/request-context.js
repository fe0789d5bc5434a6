// Request id (X-Request-ID, generated when absent), one JSON access-log line per
// request, and HTTP metrics. Logs method, path (no query string), status and
// timing only: never headers or bodies.
import { newRequestId } from '../ids.js';

const REQUEST_ID_RE = /^[A-Za-z0-9._:@-]{1,128}$/;

/** First handler of a route: names it for logs and metrics (Express forgets baseUrl once an error leaves the router). */
export function routeLabel(label) {
  return function routeLabelMiddleware(req, res, next) {
    req.routeLabel = label;
    next();
  };
}

/**
 * @param {{logger: object, metrics: object, isDraining: () => boolean}} deps
 */
export function requestContext({ logger, metrics, isDraining }) {
  return function requestContextMiddleware(req, res, next) {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID_RE.test(given) ? given : newRequestId();
    req.id = requestId;
    req.log = logger.child({ request_id: requestId });
    res.setHeader('X-Request-ID', requestId);
    if (isDraining()) res.setHeader('Connection', 'close');

    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.routeLabel ?? 'unmatched';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
      req.log.info('request', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        route,
        status: res.statusCode,
        duration_ms: Math.round(seconds * 1e6) / 1e3,
        replayed: res.getHeader('Idempotent-Replayed') === 'true' ? true : undefined,
      });
    });
    next();
  };
}
