// Operational endpoints: liveness, readiness, Prometheus metrics. Not signed.
import { Router } from 'express';
import { methodNotAllowed } from '../middleware/errors.js';
import { routeLabel } from '../middleware/request-context.js';
import { sendProblem } from '../problem.js';
import { statusOf } from '../error-codes.js';
import { errorFields } from '../logger.js';

/**
 * @param {{store: object, metrics: object, isDraining: () => boolean, readyTimeoutMs?: number}} deps
 */
export function opsRouter({ store, metrics, isDraining, readyTimeoutMs = 2_000 }) {
  const router = Router();

  router
    .route('/healthz')
    .all(routeLabel('/healthz'))
    .get((req, res) => res.json({ status: 'ok' }))
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/readyz')
    .all(routeLabel('/readyz'))
    .get(async (req, res) => {
      if (isDraining()) return sendProblem(res, statusOf('shutting_down'), 'shutting_down', 'the service is shutting down');
      let timer;
      try {
        await Promise.race([
          store.ping(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('store ping timed out')), readyTimeoutMs);
          }),
        ]);
      } catch (err) {
        req.log.warn('readiness check failed', errorFields(err));
        return sendProblem(res, statusOf('store_unavailable'), 'store_unavailable', 'the payment store is not reachable');
      } finally {
        clearTimeout(timer);
      }
      return res.json({ status: 'ready', store: store.kind });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/metrics')
    .all(routeLabel('/metrics'))
    .get(async (req, res) => {
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  return router;
}
