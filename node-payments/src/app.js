// Composition of the Express app. No I/O at import time; everything is injected.
import express from 'express';
import { createPaymentsService } from './payments-service.js';
import { createSimulatedProcessor } from './processor.js';
import { createFaultInjector } from './faults.js';
import { createMetrics } from './metrics.js';
import { createLogger } from './logger.js';
import { requestContext } from './middleware/request-context.js';
import { readRawBody, parseJsonBody } from './middleware/body.js';
import { claimReplayGuardOnError, requireSignature } from './middleware/signature.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { paymentsRouter } from './routes/payments.js';
import { opsRouter } from './routes/ops.js';

export const systemClock = { now: () => Date.now() };

/**
 * Build the app.
 * @param {{config: object, store: object, logger?: object, metrics?: object, clock?: {now: () => number},
 *   processor?: object, faults?: object, ids?: {paymentId: () => string, leaseOwner: () => string}}} deps
 *   ids: how payment ids and lease owners are made (random; tests may make them deterministic)
 * @returns {{app: import('express').Express, startDraining: () => void, service: object, metrics: object}}
 */
export function createApp({ config, store, logger, metrics, clock = systemClock, processor, faults, ids }) {
  const log = logger ?? createLogger({ level: config.logLevel });
  const m = metrics ?? createMetrics();
  const proc = processor ?? createSimulatedProcessor({ latencyMs: config.processor.latencyMs });
  const faultInjector = faults ?? createFaultInjector({ rate: config.processor.faultRate, mode: config.processor.faultMode });
  const service = createPaymentsService({
    store,
    processor: proc,
    clock,
    leaseMs: config.leaseMs,
    ttlMs: config.idempotencyTtlMs,
    cardFingerprintKey: config.cardFingerprintKey,
    faults: faultInjector,
    metrics: m,
    ...(ids ? { ids } : {}),
  });

  let draining = false;
  const isDraining = () => draining;

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestContext({ logger: log, metrics: m, isDraining }));
  app.use(opsRouter({ store, metrics: m, isDraining }));
  app.use(
    '/v1',
    readRawBody(),
    requireSignature({
      secret: config.hmacSecret,
      toleranceSec: config.signatureToleranceSec,
      nowSec: () => Math.floor(clock.now() / 1000),
      metrics: m,
      store,
      // The charge claims its signature in its own first insert (one store command less).
      deferClaim: (req) => req.method === 'POST' && req.path === '/payments',
    }),
    parseJsonBody(),
    paymentsRouter({ service, clock }),
    claimReplayGuardOnError(),
  );
  app.use(notFound());
  app.use(errorHandler());

  return {
    app,
    service,
    metrics: m,
    startDraining() {
      draining = true;
    },
  };
}
