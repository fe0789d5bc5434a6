// Use cases: create a payment, look payments up, refund.
//
// Every decision that correctness depends on is an insert under a unique _id, the one
// write that is atomic on MongoDB and on FerretDB 1.x alike:
//   idempotency_keys  _id "<scope>:<key>"   claims the key
//   order_charges     _id "<order>#<seq>"   claims slot <seq> of the order's chain of attempts
//   payment_outcomes  _id = payment id      decides SUCCEEDED or FAILED, exactly once
//   payment_refunds   _id = payment id      decides REFUNDED, exactly once
// A payment's status is derived: refund ? REFUNDED : outcome ? outcome.status : the
// payment document's initial status (PROCESSING, shown as PENDING; or PENDING for COD).
// The status fields on the payment document are a cache for people reading the database.
// See README "Idempotency and crash windows".
import { HttpError, ProcessorUnavailableError, SimulatedCrashError } from './errors.js';
import { keyedFingerprint } from './crypto-keys.js';
import { newPaymentId } from './ids.js';
import { toApiPayment } from './payment-view.js';
import { problem } from './problem.js';

const CREATE_SCOPE = 'payments.create';
const REFUND_SCOPE = 'payments.refund';
const STATUS_RANK = { PROCESSING: 0, PENDING: 0, SUCCEEDED: 1, FAILED: 1, REFUNDED: 2 };

const orderAlreadyPaid = () => new HttpError(409, 'order_already_paid', 'this order already has a successful payment', { final: true });
const orderPaymentInProgress = () =>
  new HttpError(409, 'payment_in_progress', 'another payment for this order is being processed; retry later', {
    headers: { 'Retry-After': '1' },
  });
const requestInProgress = () =>
  new HttpError(409, 'request_in_progress', 'a request with this Idempotency-Key is still being processed; retry later', {
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

/** Apply a payment's outcome and refund (if any) to its document. */
export function mergePayment(p, outcome, refund) {
  if (!p) return null;
  const s = { ...p };
  if (outcome) {
    s.payment_status = outcome.payment_status;
    s.failure_code = outcome.failure_code ?? undefined;
    s.updated_at = outcome.decided_at;
    s.lease_until = null;
  }
  if (refund) {
    s.payment_status = 'REFUNDED';
    s.refunded_at = refund.refunded_at;
    s.updated_at = refund.refunded_at;
  }
  return s;
}

/**
 * @param {{store: object, processor: object, idempotency: object, clock: {now: () => number},
 *   fingerprintKey: Buffer, faults: {roll: () => (string|null)}, metrics: object}} deps
 */
export function createPaymentsService({ store, processor, idempotency, clock, fingerprintKey, faults, metrics }) {
  const paymentResult = (p) => ({ status: 201, body: toApiPayment(p) });

  async function loadPayment(id) {
    const p = await store.getPayment(id);
    if (!p) return null;
    const [outcome, refund] = await Promise.all([store.getOutcome(id), store.getRefund(id)]);
    return mergePayment(p, outcome, refund);
  }

  /** Best-effort copy of the derived status onto the payment document (never moves backwards). */
  async function cacheStatus(id, fields) {
    try {
      await store.cachePaymentStatus(id, { ...fields, status_rank: STATUS_RANK[fields.payment_status] });
    } catch {
      // Only a cache: the outcome and refund documents are the authority.
    }
  }

  /**
   * Decide a payment's outcome (first insert wins). Returns the outcome that stands,
   * which is someone else's when they decided first.
   */
  async function decideOutcome(paymentId, status, failureCode, now) {
    const doc = { _id: paymentId, payment_status: status, decided_at: new Date(now) };
    if (failureCode) doc.failure_code = failureCode;
    const won = await store.insertOutcome(doc);
    const outcome = won ? doc : await store.getOutcome(paymentId);
    if (won) {
      await cacheStatus(paymentId, { payment_status: status, failure_code: failureCode ?? null, updated_at: doc.decided_at, lease_until: null });
    }
    return { outcome, won };
  }

  /** Fail a payment whose request crashed or stalled past its lease. Returns the outcome that stands. */
  async function abandon(paymentId, now, log) {
    const { outcome, won } = await decideOutcome(paymentId, 'FAILED', 'processing_abandoned', now);
    if (won) {
      metrics.leaseTakeovers.inc({ kind: 'payment' });
      log?.warn('stale payment settled as failed', { payment_id: paymentId });
    }
    return outcome;
  }

  /** Settle a merged payment if it is PROCESSING past its lease (reads do this too, for reconciliation). */
  async function settleIfStale(p, log) {
    const now = clock.now();
    if (!p || p.payment_status !== 'PROCESSING' || p.lease_until > now) return p;
    const outcome = await abandon(p._id, now, log);
    return mergePayment(p, outcome, await store.getRefund(p._id));
  }

  /**
   * Does the order already have a successful payment? Looks at the latest slot; settles it
   * if its holder is stale. Returns 'paid', 'busy' (a live attempt holds it) or the next free seq.
   */
  async function inspectOrder(orderKey, log) {
    const latest = await store.getLatestOrderSlot(orderKey);
    if (!latest) return { state: 'free', seq: 0, latest: null };
    const now = clock.now();
    let outcome = await store.getOutcome(latest.payment_id);
    if (!outcome) {
      if (latest.lease_until > now) return { state: 'busy', latest };
      outcome = await abandon(latest.payment_id, now, log);
    }
    if (outcome.payment_status === 'SUCCEEDED') return { state: 'paid', latest };
    return { state: 'free', seq: latest.seq + 1, latest };
  }

  /**
   * Claim the next slot of the order's chain for payment `pid`. A slot after <seq> can only be
   * inserted once the holder of <seq> has a FAILED outcome, and an outcome is decided once, so
   * at most one payment per order can ever succeed.
   */
  async function claimOrder(orderKey, pid, leaseUntil, log) {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const found = await inspectOrder(orderKey, log);
      if (found.latest?.payment_id === pid) return; // already ours
      if (found.state === 'paid') throw orderAlreadyPaid();
      if (found.state === 'busy') throw orderPaymentInProgress();
      const now = clock.now();
      const slot = { _id: `${orderKey}#${found.seq}`, order_key: orderKey, seq: found.seq, payment_id: pid, lease_until: leaseUntil, created_at: new Date(now) };
      if (await store.insertOrderSlot(slot)) return;
    }
    throw orderPaymentInProgress();
  }

  function newPaymentDoc(pid, body, card, status, leaseUntil, now) {
    const doc = {
      _id: pid,
      order_id: body.order_id,
      order_key: String(body.order_id),
      amount: body.amount,
      currency: body.currency,
      payment_mode: body.payment_mode,
      payment_status: status,
      status_rank: STATUS_RANK[status],
      lease_until: status === 'PROCESSING' ? leaseUntil : null,
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
    if (typeof body.merchant_reference === 'string') doc.merchant_reference = body.merchant_reference;
    return doc;
  }

  /** Steps after the idempotency key is claimed. `card` is the validated card ({pan, brand, last4}) or null. */
  async function processCreate(claim, body, card, fault, markTouched, log) {
    const pid = claim.resourceId;
    const orderKey = String(body.order_id);

    // 1. Record the payment, or find what an earlier attempt with this key left behind.
    for (let attempt = 0; ; attempt += 1) {
      const existing = await settleIfStale(await loadPayment(pid), log);
      if (existing) {
        if (existing.payment_status !== 'PROCESSING') return paymentResult(existing);
        throw requestInProgress(); // a live attempt with this key (its lease has not run out)
      }
      if (attempt >= 2) throw new Error('could not record the payment');
      const now = clock.now();
      if (body.payment_mode === 'COD') {
        if ((await inspectOrder(orderKey, log)).state === 'paid') throw orderAlreadyPaid();
        markTouched();
        const doc = newPaymentDoc(pid, body, null, 'PENDING', null, now);
        if (await store.insertPayment(doc)) {
          metrics.payments.inc({ mode: 'COD', status: 'PENDING' });
          log.info('payment recorded', { payment_id: pid, order_id: body.order_id, payment_mode: 'COD', payment_status: 'PENDING' });
          return paymentResult(doc);
        }
        continue;
      }
      markTouched();
      if (await store.insertPayment(newPaymentDoc(pid, body, card, 'PROCESSING', claim.leaseUntil, now))) break;
    }

    // 2. Claim the order: at most one attempt in flight and one success per order.
    try {
      await claimOrder(orderKey, pid, claim.leaseUntil, log);
    } catch (err) {
      // Never reached the processor and holds no slot: this attempt leaves nothing behind.
      await store.deletePayment(pid);
      throw err;
    }

    if (fault === 'crash') throw new SimulatedCrashError();

    // 3. Charge. The processor gets the number in memory only.
    const method = body.payment_mode === 'CARD' ? { type: 'card', pan: card.pan } : { type: 'upi', vpa: body.upi.vpa };
    let result;
    log.debug('processor charge started', { payment_id: pid });
    try {
      result = await processor.charge({ payment_id: pid, amount: body.amount, currency: body.currency, method });
    } catch (err) {
      if (err instanceof ProcessorUnavailableError) {
        // Nothing was charged: fail this attempt so the order's next slot is free at once.
        await decideOutcome(pid, 'FAILED', 'processor_unavailable', clock.now());
      }
      throw err;
    }

    // 4. The commit point: insert the outcome. Losing means someone settled this payment first.
    const succeeded = result.status === 'succeeded';
    const { outcome, won } = await decideOutcome(pid, succeeded ? 'SUCCEEDED' : 'FAILED', succeeded ? null : result.failure_code, clock.now());
    const payment = mergePayment(await store.getPayment(pid), outcome, null);
    if (!payment) throw new Error(`payment ${pid} vanished while being processed`);
    if (won) metrics.payments.inc({ mode: body.payment_mode, status: outcome.payment_status });
    log.info('payment processed', {
      payment_id: pid,
      order_id: body.order_id,
      payment_mode: body.payment_mode,
      payment_status: payment.payment_status,
      failure_code: payment.failure_code,
      card_brand: payment.card?.brand,
      settled_by_other: won ? undefined : true,
    });
    return paymentResult(payment);
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

      let touched = false;
      let result;
      try {
        result = await processCreate(claim, body, card, fault, () => {
          touched = true;
        }, log);
      } catch (err) {
        if (err instanceof HttpError && err.final) {
          result = problemResult(err);
        } else if (err instanceof SimulatedCrashError) {
          throw processorUnavailable(); // left as a killed process would leave it: the leases must run out
        } else if (err instanceof HttpError && err.code === 'request_in_progress') {
          throw err; // another live attempt owns this key's payment
        } else {
          // Nothing a retry must see (nothing recorded, or the attempt was failed/undone): free the key.
          const nothingHappened = !touched || err instanceof ProcessorUnavailableError || err instanceof HttpError;
          if (nothingHappened) await idempotency.release(claim).catch(() => {});
          if (err instanceof ProcessorUnavailableError) throw processorUnavailable();
          throw err;
        }
      }
      await idempotency.complete(claim, result);
      if (fault === 'after') throw processorUnavailable();
      return result;
    },

    async getPayment(paymentId, log) {
      const p = await settleIfStale(await loadPayment(paymentId), log);
      if (!p) throw new HttpError(404, 'payment_not_found', 'no payment with this payment_id');
      return toApiPayment(p);
    },

    async listPaymentsForOrder(orderKey, log) {
      const docs = await store.listPaymentsByOrderKey(orderKey);
      const ids = docs.map((d) => d._id);
      const [outcomes, refunds] = await Promise.all([store.getOutcomes(ids), store.getRefunds(ids)]);
      const outcomeById = new Map(outcomes.map((o) => [o._id, o]));
      const refundById = new Map(refunds.map((r) => [r._id, r]));
      const out = [];
      for (const doc of docs) {
        const p = await settleIfStale(mergePayment(doc, outcomeById.get(doc._id), refundById.get(doc._id)), log);
        out.push(toApiPayment(p));
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
        const p = await settleIfStale(await loadPayment(paymentId), log);
        if (!p) throw new HttpError(404, 'payment_not_found', 'no payment with this payment_id', { final: true });
        if (p.payment_status === 'PROCESSING') {
          throw new HttpError(409, 'payment_not_refundable', 'the payment is still being processed; retry later', { headers: { 'Retry-After': '1' } });
        }
        if (p.payment_status !== 'SUCCEEDED' && p.payment_status !== 'REFUNDED') {
          throw new HttpError(409, 'payment_not_refundable', `only a SUCCEEDED payment can be refunded; this one is ${p.payment_status}`, { final: true });
        }
        if (p.payment_status === 'SUCCEEDED') {
          // A SUCCEEDED outcome never changes, so checking it and then inserting the refund is safe.
          const now = clock.now();
          const doc = { _id: paymentId, refunded_at: new Date(now), amount: p.amount, currency: p.currency };
          if (body?.reason) doc.reason = body.reason;
          if (await store.insertRefund(doc)) {
            metrics.refunds.inc();
            log.info('payment refunded', { payment_id: paymentId, order_id: p.order_id });
            await cacheStatus(paymentId, { payment_status: 'REFUNDED', refunded_at: doc.refunded_at, updated_at: doc.refunded_at });
          }
        }
        result = { status: 200, body: toApiPayment(await loadPayment(paymentId)) };
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
