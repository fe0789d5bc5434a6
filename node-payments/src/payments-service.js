// Use cases: create a payment, look payments up, refund. Storage is reached only through
// single-document atomic operations (insert under a unique _id, compare-and-set on a
// status or an owner); see README "Crash windows" for why each step is safe to interrupt.
import { HttpError, ProcessorUnavailableError, SimulatedCrashError } from './errors.js';
import { keyedFingerprint } from './crypto-keys.js';
import { newPaymentId } from './ids.js';
import { toApiPayment } from './payment-view.js';
import { problem } from './problem.js';

const CREATE_SCOPE = 'payments.create';
const REFUND_SCOPE = 'payments.refund';

const orderAlreadyPaid = () =>
  new HttpError(409, 'order_already_paid', 'this order already has a successful payment', { final: true });
const orderPaymentInProgress = () =>
  new HttpError(409, 'payment_in_progress', 'another payment for this order is being processed; retry later', {
    headers: { 'Retry-After': '1' },
  });
const processorUnavailable = () =>
  new HttpError(503, 'processor_unavailable', 'the payment processor is unavailable; nothing was charged for this attempt', {
    headers: { 'Retry-After': '1' },
  });

/** A definitive error answer, in the form an idempotency record stores and replays. */
const problemResult = (err) => ({
  status: err.status,
  problem: true,
  body: problem(err.status, err.code, err.detail, { title: err.title, errors: err.errors }),
});

/**
 * @param {{store: object, processor: object, idempotency: object, clock: {now: () => number},
 *   leaseMs: number, fingerprintKey: Buffer, faults: {roll: () => (string|null)}, metrics: object}} deps
 */
export function createPaymentsService({ store, processor, idempotency, clock, leaseMs, fingerprintKey, faults, metrics }) {
  const abandonFields = (now) => ({
    payment_status: 'FAILED',
    failure_code: 'processing_abandoned',
    lease_until: null,
    updated_at: new Date(now),
  });

  async function mustGetPayment(id) {
    const p = await store.getPayment(id);
    if (!p) throw new Error(`payment ${id} vanished while being processed`);
    return p;
  }

  const paymentResult = (p) => ({ status: 201, body: toApiPayment(p) });

  /**
   * A PROCESSING payment whose lease ran out belongs to a crashed or stalled request:
   * settle it as FAILED (compare-and-set, so a live owner that finishes first wins) and
   * free its order. Returns the current document (null if it was deleted).
   */
  async function settleIfStale(p, log) {
    const now = clock.now();
    if (p.payment_status !== 'PROCESSING' || p.lease_until > now) return p;
    const updated = await store.transitionPayment(p._id, 'PROCESSING', abandonFields(now), { leaseExpiredAt: now });
    if (updated) {
      metrics.leaseTakeovers.inc({ kind: 'payment' });
      log?.warn('stale payment settled as failed', { payment_id: p._id, order_id: p.order_id });
      await store.releaseOrderCharge(p.order_key, p._id);
      return updated;
    }
    return store.getPayment(p._id);
  }

  /** Is the order's charge held by a payment that succeeded? */
  async function holderSucceeded(charge) {
    if (charge.state === 'paid') return true;
    const hp = await store.getPayment(charge.payment_id);
    return Boolean(hp && (hp.payment_status === 'SUCCEEDED' || hp.payment_status === 'REFUNDED'));
  }

  /**
   * Claim the order for payment `pid` (insert into order_charges under _id = order key).
   * Throws 409 order_already_paid / payment_in_progress when someone else holds it.
   */
  async function claimOrder(orderKey, pid, log) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const now = clock.now();
      const doc = { _id: orderKey, payment_id: pid, state: 'charging', created_at: new Date(now), updated_at: new Date(now) };
      if (await store.insertOrderCharge(doc)) return;
      const holder = await store.getOrderCharge(orderKey);
      if (!holder) continue; // released in between
      if (holder.payment_id === pid) return; // ours already (a retry of the same payment)
      if (holder.state === 'paid') throw orderAlreadyPaid();
      const hp = await store.getPayment(holder.payment_id);
      if (hp && (hp.payment_status === 'SUCCEEDED' || hp.payment_status === 'REFUNDED')) {
        await store.markOrderPaid(orderKey, hp._id, now); // finish what a crashed request left undone
        throw orderAlreadyPaid();
      }
      if (hp && hp.payment_status === 'PROCESSING') {
        if (hp.lease_until > now) throw orderPaymentInProgress();
        // Holder crashed or stalled past its lease: fail its payment first (CAS), so it can never succeed later.
        const failed = await store.transitionPayment(hp._id, 'PROCESSING', abandonFields(now), { leaseExpiredAt: now });
        if (!failed) continue;
        metrics.leaseTakeovers.inc({ kind: 'order' });
        log?.warn('took over a stale order claim', { order_id: hp.order_id, stale_payment_id: hp._id, payment_id: pid });
      }
      // Holder's payment FAILED, was deleted (never charged) or was just failed above: take the claim over.
      if (await store.transferOrderCharge(orderKey, holder.payment_id, pid, now)) return;
    }
    throw orderPaymentInProgress();
  }

  function newPaymentDoc(pid, body, card, status, now) {
    const doc = {
      _id: pid,
      order_id: body.order_id,
      order_key: String(body.order_id),
      amount: body.amount,
      currency: body.currency,
      payment_mode: body.payment_mode,
      payment_status: status,
      lease_until: status === 'PROCESSING' ? now + leaseMs : null,
      created_at: new Date(now),
      updated_at: new Date(now),
    };
    if (card) {
      doc.card = {
        brand: card.brand,
        last4: card.last4,
        exp_month: body.card.exp_month,
        exp_year: body.card.exp_year,
        fingerprint: keyedFingerprint(fingerprintKey, card.pan),
      };
    }
    if (body.upi) doc.upi = { vpa: body.upi.vpa };
    return doc;
  }

  /** Steps after the idempotency key is claimed. `card` is the validated card ({pan, brand, last4}) or null. */
  async function processCreate(pid, body, card, fault, markTouched, log) {
    const orderKey = String(body.order_id);

    // 1. Record the payment (or find the one an earlier attempt with this key recorded).
    let ready = false;
    for (let attempt = 0; attempt < 3 && !ready; attempt += 1) {
      const now = clock.now();
      const existing = await store.getPayment(pid);
      if (existing) {
        if (existing.payment_status !== 'PROCESSING') return paymentResult(existing);
        // A crashed or stalled attempt with this key left it PROCESSING: continue it, renewing its lease.
        const renewed = await store.transitionPayment(pid, 'PROCESSING', { lease_until: now + leaseMs, updated_at: new Date(now) });
        if (renewed) ready = true;
        continue;
      }
      if (body.payment_mode === 'COD') {
        const charge = await store.getOrderCharge(orderKey);
        if (charge && (await holderSucceeded(charge))) throw orderAlreadyPaid();
        markTouched();
        const doc = newPaymentDoc(pid, body, null, 'PENDING', now);
        if (await store.insertPayment(doc)) {
          metrics.payments.inc({ mode: 'COD', status: 'PENDING' });
          log.info('payment recorded', { payment_id: pid, order_id: body.order_id, payment_mode: 'COD', payment_status: 'PENDING' });
          return paymentResult(doc);
        }
        continue;
      }
      markTouched();
      if (await store.insertPayment(newPaymentDoc(pid, body, card, 'PROCESSING', now))) ready = true;
    }
    if (!ready) throw new Error('could not record the payment');

    // 2. Claim the order: at most one charge in flight and one success per order.
    try {
      await claimOrder(orderKey, pid, log);
    } catch (err) {
      // Never reached the processor: remove our PROCESSING record (CAS on status).
      if (!(await store.deletePayment(pid, 'PROCESSING'))) {
        const p = await store.getPayment(pid);
        if (p && p.payment_status !== 'PROCESSING') return paymentResult(p);
      }
      throw err;
    }

    if (fault === 'crash') throw new SimulatedCrashError();

    // 3. Charge. The processor gets the number in memory only.
    const method = body.payment_mode === 'CARD' ? { type: 'card', pan: card.pan } : { type: 'upi', vpa: body.upi.vpa };
    let outcome;
    try {
      outcome = await processor.charge({ payment_id: pid, amount: body.amount, currency: body.currency, method });
    } catch (err) {
      if (err instanceof ProcessorUnavailableError) {
        await store.deletePayment(pid, 'PROCESSING');
        await store.releaseOrderCharge(orderKey, pid);
      }
      throw err;
    }

    // 4. Commit the outcome with a compare-and-set from PROCESSING: the single commit point.
    const now = clock.now();
    const succeeded = outcome.status === 'succeeded';
    const fields = succeeded
      ? { payment_status: 'SUCCEEDED', lease_until: null, updated_at: new Date(now) }
      : { payment_status: 'FAILED', failure_code: outcome.failure_code, lease_until: null, updated_at: new Date(now) };
    const updated = await store.transitionPayment(pid, 'PROCESSING', fields);
    if (!updated) return paymentResult(await mustGetPayment(pid)); // settled by someone else (stale takeover or a twin)
    // 5. Follow-up, safe to redo: mark the order paid, or free it for another attempt.
    if (succeeded) await store.markOrderPaid(orderKey, pid, now);
    else await store.releaseOrderCharge(orderKey, pid);
    metrics.payments.inc({ mode: body.payment_mode, status: updated.payment_status });
    log.info('payment processed', {
      payment_id: pid,
      order_id: body.order_id,
      payment_mode: body.payment_mode,
      payment_status: updated.payment_status,
      failure_code: updated.failure_code,
      card_brand: updated.card?.brand,
    });
    return paymentResult(updated);
  }

  return {
    /**
     * @param {{key: string, path: string, body: object, card: {pan: string, brand: string, last4: string}|null, log: object}} input
     * @returns {Promise<{status: number, body: object, problem?: boolean, replayed?: boolean}>}
     */
    async createPayment({ key, path, body, card, log }) {
      const fault = faults.roll();
      if (fault) {
        metrics.faults.inc({ mode: fault });
        log.warn('fault injected', { fault_mode: fault });
      }
      if (fault === 'before') throw processorUnavailable();

      const begun = await idempotency.begin({ scope: CREATE_SCOPE, key, method: 'POST', path, body, newResourceId: newPaymentId });
      if (begun.kind === 'replay') return { ...begun.response, replayed: true };
      const { claim } = begun;
      if (claim.takenOver) log.warn('took over a stale idempotency key', { payment_id: claim.resourceId });

      let touched = claim.takenOver;
      let result;
      try {
        result = await processCreate(claim.resourceId, body, card, fault, () => {
          touched = true;
        }, log);
      } catch (err) {
        if (err instanceof HttpError && err.final) {
          result = problemResult(err);
        } else if (err instanceof SimulatedCrashError) {
          // Leave everything as a killed process would: the leases must expire.
          throw processorUnavailable();
        } else {
          const nothingHappened = !touched || err instanceof ProcessorUnavailableError || err instanceof HttpError;
          if (nothingHappened) await idempotency.release(claim).catch(() => {});
          if (err instanceof ProcessorUnavailableError) throw processorUnavailable();
          throw err;
        }
      }
      if (!(await idempotency.complete(claim, result))) {
        log.warn('idempotency key was taken over before completion', { payment_id: claim.resourceId });
      }
      if (fault === 'after') throw processorUnavailable();
      return result;
    },

    async getPayment(paymentId, log) {
      let p = await store.getPayment(paymentId);
      if (p) p = await settleIfStale(p, log);
      if (!p) throw new HttpError(404, 'payment_not_found', 'no payment with this payment_id');
      return toApiPayment(p);
    },

    async listPaymentsForOrder(orderKey, log) {
      const docs = await store.listPaymentsByOrderKey(orderKey);
      const out = [];
      for (const doc of docs) {
        const p = await settleIfStale(doc, log);
        if (p) out.push(toApiPayment(p));
      }
      return out;
    },

    /** Full refund of a SUCCEEDED payment; refunding a REFUNDED one answers the same (idempotent). */
    async refundPayment({ key, paymentId, path, body, log }) {
      const begun = await idempotency.begin({ scope: REFUND_SCOPE, key, method: 'POST', path, body, newResourceId: () => paymentId });
      if (begun.kind === 'replay') return { ...begun.response, replayed: true };
      const { claim } = begun;
      let result;
      try {
        result = await (async () => {
          let p = await store.getPayment(paymentId);
          if (p) p = await settleIfStale(p, log);
          if (!p) throw new HttpError(404, 'payment_not_found', 'no payment with this payment_id', { final: true });
          for (let attempt = 0; attempt < 3; attempt += 1) {
            if (p.payment_status === 'REFUNDED') return { status: 200, body: toApiPayment(p) };
            if (p.payment_status === 'PROCESSING') {
              throw new HttpError(409, 'payment_not_refundable', 'the payment is still being processed; retry later', {
                headers: { 'Retry-After': '1' },
              });
            }
            if (p.payment_status !== 'SUCCEEDED') {
              throw new HttpError(409, 'payment_not_refundable', `only a SUCCEEDED payment can be refunded; this one is ${p.payment_status}`, {
                final: true,
              });
            }
            const now = clock.now();
            const set = { payment_status: 'REFUNDED', refunded_at: new Date(now), updated_at: new Date(now) };
            if (body?.reason) set.refund_reason = body.reason;
            const updated = await store.transitionPayment(paymentId, 'SUCCEEDED', set);
            if (updated) {
              metrics.refunds.inc();
              log.info('payment refunded', { payment_id: paymentId, order_id: updated.order_id });
              return { status: 200, body: toApiPayment(updated) };
            }
            p = await mustGetPayment(paymentId);
          }
          throw new Error('refund did not settle');
        })();
      } catch (err) {
        if (err instanceof HttpError && err.final) {
          result = problemResult(err);
        } else {
          await idempotency.release(claim).catch(() => {});
          throw err;
        }
      }
      await idempotency.complete(claim, result);
      return result;
    },
  };
}
