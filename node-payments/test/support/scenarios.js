// End-to-end HTTP scenarios run against every store (memory and MongoDB-wire).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulatedProcessor } from '../../src/processor.js';
import { outcomeId, slotId } from '../../src/payments-service.js';
import { PANS, cardBody, fakeClock, gatedProcessor, startTestServer, uniqueKey, uniqueOrderId, upiBody } from './harness.js';

/** A fault injector the test switches by hand. */
function manualFaults() {
  let next = null;
  return {
    set(mode) {
      next = mode;
    },
    roll() {
      const mode = next;
      next = null;
      return mode;
    },
  };
}

/**
 * @param {string} name
 * @param {() => Promise<object>} makeStore a fresh, not yet initialised store
 * @param {() => Promise<[object, object]>} makeStorePair two store handles on the same data (two replicas)
 */
export function paymentScenarios(name, makeStore, makeStorePair) {
  const start = async (opts = {}) => startTestServer({ store: await makeStore(), ...opts });

  test(`${name}: card payment succeeds, is readable by id and by order`, async () => {
    const srv = await start();
    try {
      const orderId = uniqueOrderId();
      const res = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId, PANS.ok, { merchant_reference: '77' }) });
      assert.equal(res.status, 201);
      assert.equal(res.body.merchant_reference, '77', 'the caller\'s reference is echoed');
      assert.match(res.body.payment_id, /^pay_[a-z2-7]{24}$/);
      assert.equal(res.body.payment_status, 'SUCCEEDED');
      assert.equal(res.body.order_id, orderId);
      assert.equal(res.body.amount, 49_900);
      assert.equal(res.body.currency, 'INR');
      assert.deepEqual(res.body.card, { brand: 'visa', last4: '4242', exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 });
      assert.equal(res.body.failure_code, undefined);
      assert.ok(!Number.isNaN(Date.parse(res.body.created_at)));

      const byId = await srv.request('GET', `/v1/payments/${res.body.payment_id}`);
      assert.equal(byId.status, 200);
      assert.deepEqual(byId.body, res.body);

      const byOrder = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(byOrder.status, 200);
      assert.deepEqual(byOrder.body, { payments: [res.body] });
    } finally {
      await srv.close();
    }
  });

  test(`${name}: declines are 201 FAILED with a failure_code, and free the order for a retry`, async () => {
    const srv = await start();
    try {
      const cases = [
        [PANS.declined, 'card_declined'],
        [PANS.insufficient, 'insufficient_funds'],
        [PANS.expired, 'expired_card'],
        [PANS.cvc, 'incorrect_cvc'],
      ];
      const orderId = uniqueOrderId();
      const ids = [];
      for (const [pan, code] of cases) {
        const res = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId, pan) });
        assert.equal(res.status, 201, code);
        assert.equal(res.body.payment_status, 'FAILED');
        assert.equal(res.body.failure_code, code);
        ids.push(res.body.payment_id);
      }
      const upi = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: upiBody(orderId, 'fail@upi') });
      assert.equal(upi.status, 201);
      assert.equal(upi.body.failure_code, 'upi_declined');
      assert.deepEqual(upi.body.upi, { vpa: 'fail@upi' });

      const ok = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId, PANS.mastercard) });
      assert.equal(ok.status, 201);
      assert.equal(ok.body.payment_status, 'SUCCEEDED');
      assert.equal(ok.body.card.brand, 'mastercard');

      const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(list.body.payments.length, 6);
      assert.equal(list.body.payments.filter((p) => p.payment_status === 'SUCCEEDED').length, 1);
      assert.equal(list.body.payments.at(-1).payment_id, ok.body.payment_id, 'oldest first');
    } finally {
      await srv.close();
    }
  });

  test(`${name}: UPI succeeds; COD is recorded PENDING`, async () => {
    const srv = await start();
    try {
      const upi = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: upiBody(uniqueOrderId()) });
      assert.equal(upi.status, 201);
      assert.equal(upi.body.payment_status, 'SUCCEEDED');
      assert.equal(upi.body.payment_mode, 'UPI');

      const orderId = uniqueOrderId();
      const cod = await srv.request('POST', '/v1/payments', {
        key: uniqueKey(),
        body: { order_id: orderId, amount: 30_000, currency: 'INR', payment_mode: 'COD' },
      });
      assert.equal(cod.status, 201);
      assert.equal(cod.body.payment_status, 'PENDING');
      assert.equal(cod.body.card, undefined);
    } finally {
      await srv.close();
    }
  });

  test(`${name}: idempotency: replay, mismatch, in progress`, async () => {
    const gate = gatedProcessor(createSimulatedProcessor());
    const srv = await start({ processor: gate });
    try {
      const key = uniqueKey();
      const body = cardBody(uniqueOrderId());
      const first = srv.request('POST', '/v1/payments', { key, body });
      await gate.waitForEntered(1);

      const concurrent = await srv.request('POST', '/v1/payments', { key, body });
      assert.equal(concurrent.status, 409);
      assert.equal(concurrent.body.code, 'request_in_progress');
      assert.match(concurrent.headers.get('content-type'), /^application\/problem\+json/);
      assert.ok(Number(concurrent.headers.get('retry-after')) >= 1);

      gate.open();
      const done = await first;
      assert.equal(done.status, 201);
      assert.equal(done.headers.get('idempotent-replayed'), null);

      const replay = await srv.request('POST', '/v1/payments', { key, body });
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, done.body);

      // Same body with keys in another order and other whitespace is the same request.
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
      const replay2 = await srv.request('POST', '/v1/payments', { key, raw: reordered });
      assert.equal(replay2.status, 201);
      assert.equal(replay2.headers.get('idempotent-replayed'), 'true');

      const mismatch = await srv.request('POST', '/v1/payments', { key, body: { ...body, amount: body.amount + 1 } });
      assert.equal(mismatch.status, 422);
      assert.equal(mismatch.body.code, 'idempotency_key_reused');

      assert.equal(gate.entered.length, 1, 'the processor was called once');
    } finally {
      gate.open();
      await srv.close();
    }
  });

  test(`${name}: a stored 409 order_already_paid is replayed for its key`, async () => {
    const srv = await start();
    try {
      const orderId = uniqueOrderId();
      assert.equal((await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) })).status, 201);
      const key = uniqueKey();
      const second = await srv.request('POST', '/v1/payments', { key, body: upiBody(orderId) });
      assert.equal(second.status, 409);
      assert.equal(second.body.code, 'order_already_paid');
      const again = await srv.request('POST', '/v1/payments', { key, body: upiBody(orderId) });
      assert.equal(again.status, 409);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, second.body);
      const cod = await srv.request('POST', '/v1/payments', {
        key: uniqueKey(),
        body: { order_id: orderId, amount: 1, currency: 'INR', payment_mode: 'COD' },
      });
      assert.equal(cod.status, 409);
      assert.equal(cod.body.code, 'order_already_paid');
    } finally {
      await srv.close();
    }
  });

  test(`${name}: 10 concurrent attempts with different keys for one order: exactly one SUCCEEDED`, async () => {
    const srv = await start({ processor: createSimulatedProcessor({ latencyMs: 20 }) });
    try {
      const orderId = uniqueOrderId();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          srv.request('POST', '/v1/payments', { key: uniqueKey(`c${i}`), body: i % 2 ? upiBody(orderId) : cardBody(orderId) }),
        ),
      );
      const succeeded = results.filter((r) => r.status === 201 && r.body.payment_status === 'SUCCEEDED');
      assert.equal(succeeded.length, 1, JSON.stringify(results.map((r) => [r.status, r.body?.code ?? r.body?.payment_status])));
      for (const r of results) {
        if (r === succeeded[0]) continue;
        assert.equal(r.status, 409);
        assert.ok(['order_already_paid', 'payment_in_progress'].includes(r.body.code), r.body.code);
      }
      const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(list.body.payments.filter((p) => p.payment_status === 'SUCCEEDED').length, 1);
      assert.equal(list.body.payments.length, 1, 'rejected attempts leave no payment behind');
    } finally {
      await srv.close();
    }
  });

  test(`${name}: two service instances on one store: 10 concurrent attempts across both, exactly one SUCCEEDED`, async () => {
    const [storeA, storeB] = await makeStorePair();
    const a = await startTestServer({ store: storeA, processor: createSimulatedProcessor({ latencyMs: 10 }) });
    const b = await startTestServer({ store: storeB, processor: createSimulatedProcessor({ latencyMs: 10 }) });
    try {
      const orderId = uniqueOrderId();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).request('POST', '/v1/payments', { key: uniqueKey(`r${i}`), body: cardBody(orderId) })),
      );
      assert.equal(results.filter((r) => r.status === 201 && r.body.payment_status === 'SUCCEEDED').length, 1);
      const list = await a.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(list.body.payments.filter((p) => p.payment_status === 'SUCCEEDED').length, 1);

      // The same key sent to both replicas at once: one payment, one processing.
      const key = uniqueKey('both');
      const body = cardBody(uniqueOrderId());
      const [r1, r2] = await Promise.all([a.request('POST', '/v1/payments', { key, body }), b.request('POST', '/v1/payments', { key, body })]);
      const ok = [r1, r2].filter((r) => r.status === 201);
      assert.ok(ok.length >= 1);
      for (const r of [r1, r2]) assert.ok(r.status === 201 || r.body.code === 'request_in_progress', r.text);
      const again = await b.request('POST', '/v1/payments', { key, body });
      assert.equal(again.body.payment_id, ok[0].body.payment_id);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test(`${name}: concurrent declined and good cards for one order: at most one SUCCEEDED, retries converge`, async () => {
    const srv = await start({ processor: createSimulatedProcessor({ latencyMs: 5 }) });
    try {
      const orderId = uniqueOrderId();
      const bodies = Array.from({ length: 10 }, (_, i) => cardBody(orderId, i % 3 === 0 ? PANS.ok : PANS.declined));
      const keys = bodies.map(() => uniqueKey('mix'));
      await Promise.all(bodies.map((body, i) => srv.request('POST', '/v1/payments', { key: keys[i], body })));
      // Retry every key once (as a client would after 409 payment_in_progress): still at most one success.
      await Promise.all(bodies.map((body, i) => srv.request('POST', '/v1/payments', { key: keys[i], body })));
      let list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.ok(list.body.payments.filter((p) => p.payment_status === 'SUCCEEDED').length <= 1);
      // Once nothing is in flight, a good card either succeeds or finds the order paid.
      const last = await srv.request('POST', '/v1/payments', { key: uniqueKey('last'), body: cardBody(orderId) });
      assert.ok(last.status === 201 || last.body.code === 'order_already_paid', JSON.stringify(last.body));
      list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(list.body.payments.filter((p) => p.payment_status === 'SUCCEEDED').length, 1);
      assert.equal(list.body.payments.filter((p) => p.payment_status === 'PENDING').length, 0);
    } finally {
      await srv.close();
    }
  });

  test(`${name}: refunds: full, idempotent, and only for SUCCEEDED payments`, async () => {
    const srv = await start();
    try {
      const orderId = uniqueOrderId();
      const paid = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
      const path = `/v1/payments/${paid.body.payment_id}/refunds`;
      const key = uniqueKey('refund');
      const refund = await srv.request('POST', path, { key });
      assert.equal(refund.status, 200);
      assert.equal(refund.body.payment_status, 'REFUNDED');
      assert.equal(refund.body.payment_id, paid.body.payment_id);
      assert.ok(refund.body.refunded_at);

      const replay = await srv.request('POST', path, { key });
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');

      const otherKey = await srv.request('POST', path, { key: uniqueKey('refund'), body: { reason: 'customer cancelled' } });
      assert.equal(otherKey.status, 200, 'refunding a refunded payment answers the same');
      assert.equal(otherKey.body.payment_status, 'REFUNDED');

      const read = await srv.request('GET', `/v1/payments/${paid.body.payment_id}`);
      assert.equal(read.body.payment_status, 'REFUNDED');

      const again = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
      assert.equal(again.status, 409, 'a refunded order is not charged again');
      assert.equal(again.body.code, 'order_already_paid');

      const failed = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(uniqueOrderId(), PANS.declined) });
      const notRefundable = await srv.request('POST', `/v1/payments/${failed.body.payment_id}/refunds`, { key: uniqueKey() });
      assert.equal(notRefundable.status, 409);
      assert.equal(notRefundable.body.code, 'payment_not_refundable');

      const cod = await srv.request('POST', '/v1/payments', {
        key: uniqueKey(),
        body: { order_id: uniqueOrderId(), amount: 100, currency: 'INR', payment_mode: 'COD' },
      });
      const codRefund = await srv.request('POST', `/v1/payments/${cod.body.payment_id}/refunds`, { key: uniqueKey() });
      assert.equal(codRefund.status, 409);
      assert.equal(codRefund.body.code, 'payment_not_refundable');

      const missing = await srv.request('POST', '/v1/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa/refunds', { key: uniqueKey() });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'payment_not_found');

      const reused = await srv.request('POST', `/v1/payments/${failed.body.payment_id}/refunds`, { key });
      assert.equal(reused.status, 422, 'a refund key is bound to its payment');
      assert.equal(reused.body.code, 'idempotency_key_reused');
    } finally {
      await srv.close();
    }
  });

  test(`${name}: fault "before": 503, nothing stored, the same key then succeeds`, async () => {
    const faults = manualFaults();
    const srv = await start({ faults });
    try {
      const key = uniqueKey();
      const orderId = uniqueOrderId();
      faults.set('before');
      const res = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(res.status, 503);
      assert.equal(res.body.code, 'processor_unavailable');
      assert.deepEqual((await srv.request('GET', `/v1/payments?order_id=${orderId}`)).body, { payments: [] });
      const replayed = await srv.resend('POST', '/v1/payments', res.sent, JSON.stringify(cardBody(orderId)));
      assert.equal(replayed.body.code, 'signature_replayed', 'the failed attempt recorded its signature');
      const retry = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), null);
      assert.equal(retry.body.payment_status, 'SUCCEEDED');
    } finally {
      await srv.close();
    }
  });

  test(`${name}: fault "after": 503 but recorded; the same key replays the 201`, async () => {
    const faults = manualFaults();
    const srv = await start({ faults });
    try {
      const key = uniqueKey();
      const orderId = uniqueOrderId();
      faults.set('after');
      const res = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(res.status, 503);
      const retry = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(retry.body.payment_status, 'SUCCEEDED');
      const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(list.body.payments.length, 1);
    } finally {
      await srv.close();
    }
  });

  test(`${name}: crash mid-payment: blocked while leased; after the lease the same key gets it settled FAILED`, async () => {
    const clock = fakeClock();
    const faults = manualFaults();
    const srv = await start({ clock, faults, env: { PAYMENTS_LEASE_MS: '30000' } });
    try {
      const key = uniqueKey();
      const orderId = uniqueOrderId();
      faults.set('crash');
      const crashed = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(crashed.status, 503);

      const pending = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(pending.body.payments.length, 1);
      assert.equal(pending.body.payments[0].payment_status, 'PENDING', 'outcome unknown while leased');
      const paymentId = pending.body.payments[0].payment_id;

      const sameKey = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(sameKey.status, 409);
      assert.equal(sameKey.body.code, 'request_in_progress');
      const otherKey = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
      assert.equal(otherKey.status, 409);
      assert.equal(otherKey.body.code, 'payment_in_progress');

      clock.advance(30_001);
      const settled = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(settled.status, 201);
      assert.equal(settled.body.payment_id, paymentId, 'the key still names the same payment');
      assert.equal(settled.body.payment_status, 'FAILED');
      assert.equal(settled.body.failure_code, 'processing_abandoned');
      const replay = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, settled.body);

      const fresh = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
      assert.equal(fresh.status, 201);
      assert.equal(fresh.body.payment_status, 'SUCCEEDED', 'a new attempt can pay the order');
      const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.deepEqual(
        list.body.payments.map((p) => p.payment_status),
        ['FAILED', 'SUCCEEDED'],
      );
    } finally {
      await srv.close();
    }
  });

  test(`${name}: a request stalled past its lease cannot succeed once another attempt took the order`, async () => {
    const clock = fakeClock();
    const gate = gatedProcessor(createSimulatedProcessor(), { limit: 1 });
    const srv = await start({ clock, processor: gate, env: { PAYMENTS_LEASE_MS: '30000' } });
    try {
      const orderId = uniqueOrderId();
      const stalled = srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
      await gate.waitForEntered(1);
      clock.advance(30_001);
      const other = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: upiBody(orderId) });
      assert.equal(other.status, 201);
      assert.equal(other.body.payment_status, 'SUCCEEDED');
      gate.open();
      const first = await stalled;
      assert.equal(first.status, 201);
      assert.equal(first.body.payment_status, 'FAILED', 'its outcome was decided (abandoned) before it finished');
      assert.equal(first.body.failure_code, 'processing_abandoned');
      const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(list.body.payments.filter((p) => p.payment_status === 'SUCCEEDED').length, 1);
    } finally {
      gate.open();
      await srv.close();
    }
  });

  test(`${name}: crash mid-payment: after the lease another key takes the order over, the stale payment FAILS`, async () => {
    const clock = fakeClock();
    const faults = manualFaults();
    const srv = await start({ clock, faults, env: { PAYMENTS_LEASE_MS: '30000' } });
    try {
      const key = uniqueKey();
      const orderId = uniqueOrderId();
      faults.set('crash');
      assert.equal((await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) })).status, 503);
      clock.advance(30_001);
      const other = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: upiBody(orderId) });
      assert.equal(other.status, 201);
      assert.equal(other.body.payment_status, 'SUCCEEDED');

      const original = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
      assert.equal(original.status, 201);
      assert.equal(original.body.payment_status, 'FAILED');
      assert.equal(original.body.failure_code, 'processing_abandoned');

      const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
      assert.equal(list.body.payments.length, 2);
      assert.equal(list.body.payments.filter((p) => p.payment_status === 'SUCCEEDED').length, 1);
    } finally {
      await srv.close();
    }
  });

  test(`${name}: crash mid-payment: reading after the lease settles it FAILED and frees the order`, async () => {
    const clock = fakeClock();
    const faults = manualFaults();
    const srv = await start({ clock, faults, env: { PAYMENTS_LEASE_MS: '30000' } });
    try {
      const orderId = uniqueOrderId();
      faults.set('crash');
      assert.equal((await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) })).status, 503);
      const [stale] = (await srv.request('GET', `/v1/payments?order_id=${orderId}`)).body.payments;
      clock.advance(30_001);
      const read = await srv.request('GET', `/v1/payments/${stale.payment_id}`);
      assert.equal(read.body.payment_status, 'FAILED');
      assert.equal(read.body.failure_code, 'processing_abandoned');
      const [slot] = await srv.store.findRecords([slotId(String(orderId), 0)]);
      assert.equal(slot.payment_id, stale.payment_id);
      const [outcome] = await srv.store.findRecords([outcomeId(stale.payment_id)]);
      assert.equal(outcome.failure_code, 'processing_abandoned', 'the slot holder is settled');
      const retry = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
      assert.equal(retry.body.payment_status, 'SUCCEEDED');
    } finally {
      await srv.close();
    }
  });
}
