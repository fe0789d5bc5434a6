// /v1/payments routes. Bodies are validated here; the service does the rest.
import { Router } from 'express';
import { HttpError } from '../errors.js';
import { PAYMENT_ID_PATTERN } from '../ids.js';
import { requireIdempotencyKey } from '../idempotency.js';
import { validateCreatePayment, validateListPaymentsQuery, validateRefund } from '../validation.js';
import { validateCard } from '../cards/card.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { routeLabel } from '../middleware/request-context.js';

/** Send a service result (possibly a stored one being replayed). */
function send(res, result) {
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(result.status);
  res.setHeader('Content-Type', `${result.problem ? PROBLEM_CONTENT_TYPE : 'application/json'}; charset=utf-8`);
  res.send(JSON.stringify(result.body));
}

function paymentIdParam(req) {
  const id = req.params.payment_id;
  if (!PAYMENT_ID_PATTERN.test(id)) throw new HttpError('payment_not_found', 'no payment with this payment_id');
  return id;
}

/**
 * @param {{service: object, clock: {now: () => number}}} deps
 */
export function paymentsRouter({ service, clock }) {
  const router = Router();

  router
    .route('/payments')
    .all(routeLabel('/v1/payments'))
    .post(async (req, res) => {
      const key = requireIdempotencyKey(req.get('idempotency-key'));
      if (req.body === undefined) {
        throw new HttpError('validation_error', 'the request body is required', {
          title: 'Unprocessable Content',
          errors: [{ field: 'body', message: 'is required' }],
        });
      }
      const body = validateCreatePayment(req.body);
      let card = null;
      if (body.payment_mode === 'CARD') {
        const checked = validateCard(body.card, new Date(clock.now()));
        if (!checked.ok) {
          throw new HttpError('invalid_card', `invalid card: ${checked.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, {
            title: 'Unprocessable Content',
            errors: checked.errors,
          });
        }
        card = checked;
      }
      const result = await service.createPayment({ key, path: req.originalUrl, body, card, signature: req.replayGuard, log: req.log });
      send(res, result);
    })
    .get(async (req, res) => {
      const query = validateListPaymentsQuery({ ...req.query });
      const payments = await service.listPaymentsForOrder(query.order_id, req.log);
      res.json({ payments });
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/payments/:payment_id')
    .all(routeLabel('/v1/payments/:payment_id'))
    .get(async (req, res) => {
      res.json(await service.getPayment(paymentIdParam(req), req.log));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/payments/:payment_id/refunds')
    .all(routeLabel('/v1/payments/:payment_id/refunds'))
    .post(async (req, res) => {
      const paymentId = paymentIdParam(req);
      const key = requireIdempotencyKey(req.get('idempotency-key'));
      const body = validateRefund(req.body ?? {});
      const result = await service.refundPayment({ key, paymentId, path: req.originalUrl, body, log: req.log });
      send(res, result);
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
