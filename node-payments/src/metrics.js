// Prometheus metrics (prom-client), one registry per app instance.
import client from 'prom-client';

export function createMetrics({ collectDefault = true } = {}) {
  const registry = new client.Registry();
  if (collectDefault) client.collectDefaultMetrics({ register: registry, prefix: 'payments_' });

  const httpRequests = new client.Counter({
    name: 'payments_http_requests_total',
    help: 'HTTP requests by method, route and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: 'payments_http_request_duration_seconds',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const payments = new client.Counter({
    name: 'payments_payments_total',
    help: 'Payments recorded, by mode and resulting status',
    labelNames: ['mode', 'status'],
    registers: [registry],
  });
  const refunds = new client.Counter({
    name: 'payments_refunds_total',
    help: 'Payments refunded',
    registers: [registry],
  });
  const idempotentReplays = new client.Counter({
    name: 'payments_idempotent_replays_total',
    help: 'Responses replayed from a stored idempotency record',
    registers: [registry],
  });
  const idempotencyConflicts = new client.Counter({
    name: 'payments_idempotency_conflicts_total',
    help: 'Idempotency conflicts by code (request_in_progress, idempotency_key_reused)',
    labelNames: ['code'],
    registers: [registry],
  });
  const leaseTakeovers = new client.Counter({
    name: 'payments_lease_takeovers_total',
    help: 'Stale in-progress claims taken over after their lease expired',
    labelNames: ['kind'],
    registers: [registry],
  });
  const signatureFailures = new client.Counter({
    name: 'payments_signature_failures_total',
    help: 'Requests rejected for a missing, malformed, stale, wrong or replayed signature',
    labelNames: ['reason'],
    registers: [registry],
  });
  const faults = new client.Counter({
    name: 'payments_injected_faults_total',
    help: 'Faults injected by PAYMENTS_FAULT_RATE, by mode',
    labelNames: ['mode'],
    registers: [registry],
  });

  const storeCommands = new client.Counter({
    name: 'payments_store_commands_total',
    help: 'Commands sent to the MongoDB-wire store, by command name (the driver\'s command monitoring)',
    labelNames: ['command'],
    registers: [registry],
  });

  return {
    registry,
    storeCommands,
    httpRequests,
    httpDuration,
    payments,
    refunds,
    idempotentReplays,
    idempotencyConflicts,
    leaseTakeovers,
    signatureFailures,
    faults,
  };
}
