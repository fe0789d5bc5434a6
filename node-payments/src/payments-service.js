// Use cases: create a payment, look payments up, refund.
//
// Every document is keyed by _id and looked up by _id only (on FerretDB any other filter
// reads the whole collection). One collection, payment_records, holds six kinds:
//   sig:<t>:<nonce>        a request signature already used (the replay cache, replay-guard.js)
//   key:<scope>:<key>      idempotency key: request fingerprint, payment id, lease
//   order:<order>#<seq>    slot <seq> of the order's chain of attempts: payment id, lease
//   <payment id>           the payment's immutable facts (order, amount, brand/last4/expiry)
//   <payment id>:outcome   SUCCEEDED or FAILED (+ failure_code), decided exactly once
//   <payment id>:refund    REFUNDED, decided exactly once
// Every decision correctness depends on is an insert under a unique _id, the one write
// that is atomic on MongoDB and on FerretDB 1.x alike. A charge on a new order is one
// ordered insert of [signature, key, slot 0, payment] (it stops at the first _id that
// exists), the processor call, and the insert of the outcome: two store commands. A
// payment's status is derived: refund ? REFUNDED : outcome ? its status : PROCESSING
// (shown as PENDING), or PENDING for COD. See README "Idempotency, one success per order,
// and crash windows".
import { HttpError, ProcessorUnavailableError, SimulatedCrashError } from './errors.js';
import { keyedFingerprint } from './crypto-keys.js';
import { idempotencyKeyReused, requestFingerprint, requestInProgress } from './idempotency.js';
import { newLeaseOwner, newPaymentId } from './ids.js';
import { toApiPayment } from './payment-view.js';
import { problem } from './problem.js';

const CREATE_SCOPE = 'payments.create';
const REFUND_SCOPE = 'payments.refund';
const CHAIN_PAGE = 8; // order slots read per query; orders rarely have more attempts

export const keyRecordId = (scope, key) => `key:${scope}:${key}`;
export const slotId = (orderKey, seq) => `order:${orderKey}#${seq}`;
export const outcomeId = (paymentId) => `${paymentId}:outcome`;
export const refundId = (paymentId) => `${paymentId}:refund`;

const orderAlreadyPaid = () => new HttpError('order_already_paid', 'this order already has a successful payment', { final: true });
const orderPaymentInProgress = () =>
  new HttpError('payment_in_progress', 'another payment for this order is being processed; retry later', {
    headers: { 'Retry-After': '1' },
  });
const processorUnavailable = () =>
  new HttpError('processor_unavailable', 'the payment processor is unavailable; nothing was charged for this attempt', {
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

const byId = (docs) => new Map(docs.map((d) => [d._id, d]));

/**
 * @param {{store: object, processor: object, clock: {now: () => number}, leaseMs: number, ttlMs: number,
 *   cardFingerprintKey: Buffer|null, faults: {roll: () => (string|null)}, metrics: object,
 *   ids?: {paymentId: () => string, leaseOwner: () => string}}} deps
 */
export function createPaymentsService({
  store,
  processor,
  clock,
  leaseMs,
  ttlMs,
  cardFingerprintKey,
  faults,
  metrics,
  ids = { paymentId: newPaymentId, leaseOwner: newLeaseOwner },
}) {
  const paymentResult = (p, replayed = false) => ({ status: 201, body: toApiPayment(p), ...(replayed ? { replayed: true } : {}) });

  // ---- outcomes ----

  /** Decide a payment's outcome (first insert wins). Returns the outcome that stands. */
  async function decideOutcome(paymentId, status, failureCode, now) {
    const doc = { _id: outcomeId(paymentId), kind: 'outcome', payment_id: paymentId, payment_status: status, decided_at: new Date(now) };
    if (failureCode) doc.failure_code = failureCode;
    if ((await store.insertRecords([doc])) === 1) return { outcome: doc, won: true };
    const [stands] = await store.findRecords([doc._id]);
    return { outcome: stands, won: false };
  }

  /** Fail a payment whose request crashed or stalled past its lease. Returns the outcome that stands. */
  async function abandon(paymentId, log) {
    const { outcome, won } = await decideOutcome(paymentId, 'FAILED', 'processing_abandoned', clock.now());
    if (won) {
      metrics.leaseTakeovers.inc({ kind: 'payment' });
      log?.warn('stale payment settled as failed', { payment_id: paymentId });
    }
    return outcome;
  }

  const isUndecided = (p, outcome) => p.payment_mode !== 'COD' && !outcome;

  /** A payment, its outcome and refund, in one read. Settles it if it is stale. */
  async function loadPayment(paymentId, log) {
    const docs = byId(await store.findRecords([paymentId, outcomeId(paymentId), refundId(paymentId)]));
    const p = docs.get(paymentId);
    if (!p) return null;
    let outcome = docs.get(outcomeId(paymentId));
    if (isUndecided(p, outcome) && p.lease_until <= clock.now()) outcome = await abandon(paymentId, log);
    return mergePayment(p, outcome, docs.get(refundId(paymentId)));
  }

  // ---- the order's chain of slots ----

  /** Every slot of the order, by seq (read CHAIN_PAGE ids at a time, by _id). */
  async function readChain(orderKey) {
    const slots = [];
    for (let from = 0; ; from += CHAIN_PAGE) {
      const wanted = Array.from({ length: CHAIN_PAGE }, (_, i) => slotId(orderKey, from + i));
      const found = await store.findRecords(wanted);
      slots.push(...found);
      if (found.length < CHAIN_PAGE) break;
    }
    return slots.sort((a, b) => a.seq - b.seq);
  }

  /**
   * Where the order's chain stands: 'paid', 'busy' (a live attempt holds the latest slot) or
   * 'free' with the next seq. Settles a stale holder on the way.
   */
  async function inspectOrder(orderKey, log) {
    const slots = await readChain(orderKey);
    const latest = slots.at(-1);
    if (!latest) return { state: 'free', seq: 0 };
    if (latest.payment_mode === 'COD') return { state: 'free', seq: latest.seq + 1 }; // COD is never a success here
    let [outcome] = await store.findRecords([outcomeId(latest.payment_id)]);
    if (!outcome) {
      if (latest.lease_until > clock.now()) return { state: 'busy' };
      outcome = await abandon(latest.payment_id, log);
    }
    if (outcome.payment_status === 'SUCCEEDED') return { state: 'paid' };
    return { state: 'free', seq: latest.seq + 1 };
  }

  /**
   * Claim the next slot of the order for payment `p` (inserted with it). A slot after <seq>
   * is only inserted once the holder of <seq> is decided and not a success (FAILED, or COD),
   * and an outcome is decided once, so at most one payment per order can ever succeed.
   */
  async function claimNextSlot(p, log) {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const found = await inspectOrder(p.order_key, log);
      if (found.state === 'paid') throw orderAlreadyPaid();
      if (found.state === 'busy') throw orderPaymentInProgress();
      const inserted = await store.insertRecords([slotDoc(p, found.seq), p]);
      if (inserted === 2) return;
      if (inserted === 1) throw new Error(`payment id ${p._id} already exists`);
      // Someone else took that slot: read the chain again.
    }
    throw orderPaymentInProgress();
  }

  const slotDoc = (p, seq) => ({
    _id: slotId(p.order_key, seq),
    kind: 'order_slot',
    order_key: p.order_key,
    seq,
    payment_id: p._id,
    payment_mode: p.payment_mode,
    lease_until: p.lease_until,
    created_at: p.created_at,
  });

  function paymentDoc(pid, body, card, leaseUntil, now) {
    const cod = body.payment_mode === 'COD';
    const doc = {
      _id: pid,
      kind: 'payment',
      order_id: body.order_id,
      order_key: String(body.order_id),
      amount: body.amount,
      currency: body.currency,
      payment_mode: body.payment_mode,
      payment_status: cod ? 'PENDING' : 'PROCESSING', // the initial status; outcomes are separate documents
      lease_until: cod ? null : leaseUntil,
      created_at: new Date(now),
      updated_at: new Date(now),
    };
    if (card) {
      doc.card = { brand: card.brand, last4: card.last4, exp_month: body.card.exp_month, exp_year: body.card.exp_year };
      // Only under a key the payments service alone holds (never derived from the signing secret).
      if (cardFingerprintKey) doc.card.fingerprint = keyedFingerprint(cardFingerprintKey, card.pan);
    }
    if (body.upi) doc.upi = { vpa: body.upi.vpa };
    if (typeof body.merchant_reference === 'string') doc.merchant_reference = body.merchant_reference;
    return doc;
  }

  function keyDoc(scope, key, fingerprint, pid, owner, leaseUntil, now) {
    return {
      _id: keyRecordId(scope, key),
      kind: 'idempotency_key',
      scope,
      fingerprint,
      owner,
      payment_id: pid,
      lease_until: leaseUntil,
      created_at: new Date(now),
      expires_at: new Date(now + ttlMs),
    };
  }

  /** Store a definitive answer on the key (replayed from then on). */
  async function storeAnswer(keyId, result) {
    await store.setRecordFields(keyId, { response: result, completed_at: new Date(clock.now()) });
  }

  /** Give the key up: nothing happened that a retry must see. */
  const release = (keyId, owner) => store.deleteRecordIf(keyId, { owner }).catch(() => false);

  /**
   * The key exists. Returns {retry: true} to claim it again, or the answer.
   * @returns {Promise<{retry: true} | {result: object}>}
   */
  async function answerExistingCreate(keyId, fingerprint, log) {
    const [k] = await store.findRecords([keyId]);
    const now = clock.now();
    if (!k) return { retry: true }; // released in between
    if (k.expires_at <= new Date(now)) {
      await store.deleteRecordIf(keyId, { owner: k.owner }); // past retention: the key may be used anew
      return { retry: true };
    }
    if (k.fingerprint !== fingerprint) {
      metrics.idempotencyConflicts.inc({ code: 'idempotency_key_reused' });
      throw idempotencyKeyReused();
    }
    if (k.response) {
      metrics.idempotentReplays.inc();
      return { result: { ...k.response, replayed: true } };
    }
    const docs = byId(await store.findRecords([k.payment_id, outcomeId(k.payment_id)]));
    const p = docs.get(k.payment_id);
    const outcome = docs.get(outcomeId(k.payment_id));
    if (!p) {
      // The claim never got as far as its payment (a crash between two inserts).
      if (k.lease_until > now) throw inProgress(k.lease_until - now);
      await store.deleteRecordIf(keyId, { owner: k.owner });
      return { retry: true };
    }
    if (outcome || p.payment_mode === 'COD') {
      metrics.idempotentReplays.inc();
      return { result: paymentResult(mergePayment(p, outcome, null), true) };
    }
    if (p.lease_until > now) throw inProgress(p.lease_until - now);
    // Its request crashed or stalled past the lease: settle it; that is the key's answer.
    log.warn('took over a stale idempotency key', { payment_id: p._id });
    metrics.leaseTakeovers.inc({ kind: 'idempotency_key' });
    return { result: paymentResult(mergePayment(p, await abandon(p._id, log), null)) };
  }

  function inProgress(leftMs) {
    metrics.idempotencyConflicts.inc({ code: 'request_in_progress' });
    return requestInProgress(leftMs / 1000);
  }

  /** Charge the processor and commit the outcome. */
  async function charge(p, body, card, fault, keyId, owner, log) {
    if (fault === 'crash') throw new SimulatedCrashError();
    const method = body.payment_mode === 'CARD' ? { type: 'card', pan: card.pan } : { type: 'upi', vpa: body.upi.vpa };
    let result;
    log.debug('processor charge started', { payment_id: p._id });
    try {
      result = await processor.charge({ payment_id: p._id, amount: body.amount, currency: body.currency, method });
    } catch (err) {
      if (err instanceof ProcessorUnavailableError) {
        // Nothing was charged: fail this attempt (the order's next slot is free at once) and free the key.
        await decideOutcome(p._id, 'FAILED', 'processor_unavailable', clock.now());
        await release(keyId, owner);
        throw processorUnavailable();
      }
      throw err;
    }
    // The commit point. Losing means someone settled this payment first (it stalled past its lease).
    const succeeded = result.status === 'succeeded';
    const { outcome, won } = await decideOutcome(p._id, succeeded ? 'SUCCEEDED' : 'FAILED', succeeded ? null : result.failure_code, clock.now());
    const payment = mergePayment(p, outcome, null);
    if (won) metrics.payments.inc({ mode: body.payment_mode, status: outcome.payment_status });
    log.info('payment processed', {
      payment_id: p._id,
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
     * @param {{key: string, path: string, body: object, card: {pan: string, brand: string, last4: string}|null,
     *   signature?: {take: () => object|null, refused: () => Error, claim: () => Promise<void>}, log: object}} input
     *   signature: the request's replay guard; its record goes first in the first insert
     * @returns {Promise<{status: number, body: object, problem?: boolean, replayed?: boolean}>}
     */
    async createPayment({ key, path, body, card, signature, log }) {
      const fault = faults.roll();
      if (fault) {
        metrics.faults.inc({ mode: fault });
        log.warn('fault injected', { fault_mode: fault });
      }
      if (fault === 'before') {
        await signature?.claim();
        throw processorUnavailable();
      }

      const fingerprint = requestFingerprint('POST', path, body, card);
      const keyId = keyRecordId(CREATE_SCOPE, key);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const now = clock.now();
        const leaseUntil = now + leaseMs;
        const owner = ids.leaseOwner();
        const p = paymentDoc(ids.paymentId(), body, card, leaseUntil, now);
        // One command: claim the signature (the replay cache), the key, slot 0 of the order,
        // and record the payment; it stops at the first _id that exists.
        const sig = signature?.take() ?? null;
        const batch = [keyDoc(CREATE_SCOPE, key, fingerprint, p._id, owner, leaseUntil, now), slotDoc(p, 0), p];
        let inserted = await store.insertRecords(sig ? [sig, ...batch] : batch);
        if (sig) {
          if (inserted === 0) throw signature.refused();
          inserted -= 1;
        }
        if (inserted === 0) {
          const existing = await answerExistingCreate(keyId, fingerprint, log);
          if (existing.retry) continue;
          return existing.result;
        }
        if (inserted === 1) {
          // The order has attempts already: take the next slot of its chain, if it is free.
          try {
            await claimNextSlot(p, log);
          } catch (err) {
            if (err instanceof HttpError && err.final) {
              const result = problemResult(err);
              await storeAnswer(keyId, result);
              return result;
            }
            await release(keyId, owner);
            throw err;
          }
        } else if (inserted === 2) {
          await release(keyId, owner);
          throw new Error(`payment id ${p._id} already exists`);
        }

        if (p.payment_mode === 'COD') {
          metrics.payments.inc({ mode: 'COD', status: 'PENDING' });
          log.info('payment recorded', { payment_id: p._id, order_id: body.order_id, payment_mode: 'COD', payment_status: 'PENDING' });
          return paymentResult(p);
        }
        let result;
        try {
          result = await charge(p, body, card, fault, keyId, owner, log);
        } catch (err) {
          if (err instanceof SimulatedCrashError) throw processorUnavailable(); // left as a killed process leaves it
          throw err;
        }
        if (fault === 'after') throw processorUnavailable(); // recorded; the answer is "lost"
        return result;
      }
      throw inProgress(1000);
    },

    async getPayment(paymentId, log) {
      const p = await loadPayment(paymentId, log);
      if (!p) throw new HttpError('payment_not_found', 'no payment with this payment_id');
      return toApiPayment(p);
    },

    /** The order's attempts, oldest first: its chain of slots (two reads by _id for up to 8 attempts). */
    async listPaymentsForOrder(orderKey, log) {
      const slots = await readChain(orderKey);
      const pids = slots.map((s) => s.payment_id);
      const docs = byId(await store.findRecords(pids.flatMap((id) => [id, outcomeId(id), refundId(id)])));
      const now = clock.now();
      const out = [];
      for (const pid of pids) {
        const p = docs.get(pid);
        if (!p) continue; // a slot whose payment insert never happened (a crash inside one command)
        let outcome = docs.get(outcomeId(pid));
        if (isUndecided(p, outcome) && p.lease_until <= now) outcome = await abandon(pid, log);
        out.push(toApiPayment(mergePayment(p, outcome, docs.get(refundId(pid)))));
      }
      return out;
    },

    /** Full refund of a SUCCEEDED payment; refunding a REFUNDED one answers the same (idempotent). */
    async refundPayment({ key, paymentId, path, body, log }) {
      const fingerprint = requestFingerprint('POST', path, body ?? null);
      const keyId = keyRecordId(REFUND_SCOPE, key);
      let owner = null;
      for (let attempt = 0; attempt < 5 && owner === null; attempt += 1) {
        const now = clock.now();
        const mine = ids.leaseOwner();
        if ((await store.insertRecords([keyDoc(REFUND_SCOPE, key, fingerprint, paymentId, mine, now + leaseMs, now)])) === 1) {
          owner = mine;
          break;
        }
        const [k] = await store.findRecords([keyId]);
        if (!k) continue;
        if (k.expires_at <= new Date(now)) {
          await store.deleteRecordIf(keyId, { owner: k.owner });
          continue;
        }
        if (k.fingerprint !== fingerprint) {
          metrics.idempotencyConflicts.inc({ code: 'idempotency_key_reused' });
          throw idempotencyKeyReused();
        }
        if (k.response) {
          metrics.idempotentReplays.inc();
          return { ...k.response, replayed: true };
        }
        const p = await loadPayment(paymentId, log);
        if (p?.payment_status === 'REFUNDED') {
          metrics.idempotentReplays.inc();
          return { status: 200, body: toApiPayment(p), replayed: true };
        }
        if (k.lease_until > now) throw inProgress(k.lease_until - now);
        owner = k.owner; // its request died before refunding: finish its work (the refund is a unique insert)
      }
      if (owner === null) throw inProgress(1000);

      try {
        const p = await loadPayment(paymentId, log);
        if (!p) throw new HttpError('payment_not_found', 'no payment with this payment_id', { final: true });
        if (p.payment_status === 'PROCESSING') {
          throw new HttpError('payment_in_progress', 'the payment is still being processed; retry later', { headers: { 'Retry-After': '1' } });
        }
        if (p.payment_status !== 'SUCCEEDED' && p.payment_status !== 'REFUNDED') {
          throw new HttpError('payment_not_refundable', `only a SUCCEEDED payment can be refunded; this one is ${p.payment_status}`, { final: true });
        }
        if (p.payment_status === 'REFUNDED') return { status: 200, body: toApiPayment(p) };
        // A SUCCEEDED outcome never changes, so checking it and then inserting the refund is safe.
        const doc = { _id: refundId(paymentId), kind: 'refund', payment_id: paymentId, refunded_at: new Date(clock.now()), amount: p.amount, currency: p.currency };
        if (body?.reason) doc.reason = body.reason;
        let refund = doc;
        if ((await store.insertRecords([doc])) === 1) {
          metrics.refunds.inc();
          log.info('payment refunded', { payment_id: paymentId, order_id: p.order_id });
        } else {
          [refund] = await store.findRecords([doc._id]); // a concurrent refund of the same payment won
        }
        return { status: 200, body: toApiPayment(mergePayment(p, null, refund)) };
      } catch (err) {
        if (err instanceof HttpError && err.final) {
          const result = problemResult(err);
          await storeAnswer(keyId, result);
          return result;
        }
        await release(keyId, owner);
        throw err;
      }
    },
  };
}
