// The store contract: the same tests run against every store implementation.
import { test } from 'node:test';
import assert from 'node:assert/strict';

let seq = 0;
const uid = (p) => `${p}_${process.pid}_${Date.now()}_${(seq += 1)}`;

function paymentDoc(overrides = {}) {
  const now = Date.now();
  return {
    _id: uid('pay'),
    order_id: 7,
    order_key: '7',
    amount: 100,
    currency: 'INR',
    payment_mode: 'CARD',
    payment_status: 'PROCESSING',
    lease_until: now + 1000,
    card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030, fingerprint: 'ab'.repeat(32) },
    created_at: new Date(now),
    updated_at: new Date(now),
    ...overrides,
  };
}

/**
 * @param {string} name
 * @param {() => Promise<object>} getStore resolves to an initialised store (shared by the tests)
 */
export function storeContract(name, getStore) {
  test(`${name}: ping`, async () => {
    const store = await getStore();
    assert.equal(await store.ping(), true);
  });

  test(`${name}: init is idempotent`, async () => {
    const store = await getStore();
    await store.init();
    await store.init();
  });

  test(`${name}: payments insert is unique by _id and round-trips`, async () => {
    const store = await getStore();
    const doc = paymentDoc();
    assert.equal(await store.insertPayment(doc), true);
    assert.equal(await store.insertPayment({ ...doc, amount: 999 }), false);
    const got = await store.getPayment(doc._id);
    assert.equal(got.amount, 100);
    assert.equal(got.card.last4, '4242');
    assert.ok(got.created_at instanceof Date);
    assert.equal(got.created_at.getTime(), doc.created_at.getTime());
    assert.equal(await store.getPayment('pay_missing'), null);
  });

  test(`${name}: returned documents are copies`, async () => {
    const store = await getStore();
    const doc = paymentDoc();
    await store.insertPayment(doc);
    doc.amount = 5;
    const got = await store.getPayment(doc._id);
    got.amount = 6;
    assert.equal((await store.getPayment(doc._id)).amount, 100);
  });

  test(`${name}: deletePayment removes the document`, async () => {
    const store = await getStore();
    const doc = paymentDoc();
    await store.insertPayment(doc);
    assert.equal(await store.deletePayment(doc._id), true);
    assert.equal(await store.getPayment(doc._id), null);
    assert.equal(await store.deletePayment(doc._id), false);
  });

  test(`${name}: cachePaymentStatus only moves the cached status forward`, async () => {
    const store = await getStore();
    const doc = paymentDoc({ status_rank: 0 });
    await store.insertPayment(doc);
    await store.cachePaymentStatus(doc._id, { payment_status: 'REFUNDED', status_rank: 2 });
    await store.cachePaymentStatus(doc._id, { payment_status: 'SUCCEEDED', status_rank: 1 });
    assert.equal((await store.getPayment(doc._id)).payment_status, 'REFUNDED');
    await store.cachePaymentStatus('pay_missing', { payment_status: 'FAILED', status_rank: 1 });
  });

  test(`${name}: listPaymentsByOrderKey returns the order's payments oldest first`, async () => {
    const store = await getStore();
    const orderKey = uid('order');
    const base = Date.now();
    const later = paymentDoc({ order_key: orderKey, created_at: new Date(base + 10) });
    const earlier = paymentDoc({ order_key: orderKey, created_at: new Date(base) });
    await store.insertPayment(later);
    await store.insertPayment(earlier);
    await store.insertPayment(paymentDoc({ order_key: uid('other') }));
    const list = await store.listPaymentsByOrderKey(orderKey);
    assert.deepEqual(
      list.map((p) => p._id),
      [earlier._id, later._id],
    );
    assert.deepEqual(await store.listPaymentsByOrderKey(uid('none')), []);
  });

  test(`${name}: outcomes and refunds: one per payment, first insert wins, bulk reads`, async () => {
    const store = await getStore();
    const a = uid('pay');
    const b = uid('pay');
    const decided = new Date();
    assert.equal(await store.insertOutcome({ _id: a, payment_status: 'SUCCEEDED', decided_at: decided }), true);
    assert.equal(await store.insertOutcome({ _id: a, payment_status: 'FAILED', failure_code: 'processing_abandoned', decided_at: decided }), false);
    assert.equal((await store.getOutcome(a)).payment_status, 'SUCCEEDED');
    assert.equal((await store.getOutcome(a)).decided_at.getTime(), decided.getTime());
    assert.equal(await store.getOutcome(b), null);
    await store.insertOutcome({ _id: b, payment_status: 'FAILED', failure_code: 'card_declined', decided_at: decided });
    const many = await store.getOutcomes([a, b, uid('missing')]);
    assert.deepEqual(many.map((o) => o._id).sort(), [a, b].sort());
    assert.deepEqual(await store.getOutcomes([]), []);

    assert.equal(await store.insertRefund({ _id: a, refunded_at: decided }), true);
    assert.equal(await store.insertRefund({ _id: a, refunded_at: new Date() }), false);
    assert.equal((await store.getRefund(a)).refunded_at.getTime(), decided.getTime());
    assert.equal(await store.getRefund(b), null);
    assert.deepEqual((await store.getRefunds([a, b])).map((r) => r._id), [a]);
    assert.deepEqual(await store.getRefunds([]), []);
  });

  test(`${name}: concurrent outcome inserts for one payment: exactly one wins`, async () => {
    const store = await getStore();
    const id = uid('pay');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.insertOutcome({ _id: id, payment_status: i % 2 ? 'FAILED' : 'SUCCEEDED', decided_at: new Date() })),
    );
    assert.equal(results.filter(Boolean).length, 1);
    const stored = await store.getOutcome(id);
    assert.equal(stored.payment_status, results.indexOf(true) % 2 ? 'FAILED' : 'SUCCEEDED', 'the stored outcome is the winner\'s');
  });

  test(`${name}: order slots: unique per (order, seq); the latest is the highest seq`, async () => {
    const store = await getStore();
    const order = uid('order');
    const slot = (seq, paymentId) => ({ _id: `${order}#${seq}`, order_key: order, seq, payment_id: paymentId, lease_until: 1, created_at: new Date() });
    assert.equal(await store.getLatestOrderSlot(order), null);
    assert.equal(await store.insertOrderSlot(slot(0, 'pay_a')), true);
    assert.equal(await store.insertOrderSlot(slot(0, 'pay_b')), false);
    assert.equal((await store.getLatestOrderSlot(order)).payment_id, 'pay_a');
    assert.equal(await store.insertOrderSlot(slot(1, 'pay_b')), true);
    assert.equal(await store.insertOrderSlot(slot(2, 'pay_c')), true);
    const latest = await store.getLatestOrderSlot(order);
    assert.equal(latest.seq, 2);
    assert.equal(latest.payment_id, 'pay_c');
    assert.equal(await store.getLatestOrderSlot(uid('order')), null);
  });

  test(`${name}: concurrent claims of one order slot: exactly one insert wins`, async () => {
    const store = await getStore();
    const order = uid('order');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.insertOrderSlot({ _id: `${order}#0`, order_key: order, seq: 0, payment_id: `pay_${i}`, lease_until: 1, created_at: new Date() }),
      ),
    );
    assert.equal(results.filter(Boolean).length, 1);
  });

  test(`${name}: idempotency keys: claim, take over only when stale, complete, release`, async () => {
    const store = await getStore();
    const id = uid('payments.create:k');
    const rec = {
      _id: id,
      scope: 'payments.create',
      key: 'k',
      fingerprint: 'f',
      state: 'in_progress',
      owner: 'o1',
      lease_until: 1_000,
      resource_id: 'pay_r',
      created_at: new Date(),
      expires_at: 10_000,
    };
    assert.equal(await store.insertIdempotencyKey(rec), true);
    assert.equal(await store.insertIdempotencyKey({ ...rec, owner: 'o2' }), false);
    assert.equal((await store.getIdempotencyKey(id)).owner, 'o1');

    assert.equal(await store.takeOverIdempotencyKey(id, { fromOwner: 'o1', toOwner: 'o2', leaseUntil: 2_000, now: 999 }), false, 'lease still valid');
    assert.equal(await store.takeOverIdempotencyKey(id, { fromOwner: 'oX', toOwner: 'o2', leaseUntil: 2_000, now: 1_000 }), false, 'wrong owner');
    assert.equal(await store.takeOverIdempotencyKey(id, { fromOwner: 'o1', toOwner: 'o2', leaseUntil: 2_000, now: 1_000 }), true);
    assert.equal(await store.takeOverIdempotencyKey(id, { fromOwner: 'o1', toOwner: 'o3', leaseUntil: 3_000, now: 1_000 }), false, 'only one takeover');

    assert.equal(await store.releaseIdempotencyKey(id, 'o1'), false, 'only the owner releases');
    const response = { status: 201, body: { payment_id: 'pay_r', card: { last4: '4242' } } };
    assert.equal(await store.completeIdempotencyKey(id, { response, expiresAt: 20_000 }), true);
    assert.equal(await store.completeIdempotencyKey(id, { response: { status: 500, body: {} }, expiresAt: 30_000 }), false, 'completed once');
    const done = await store.getIdempotencyKey(id);
    assert.equal(done.state, 'completed');
    assert.deepEqual(done.response, response);
    assert.equal(done.expires_at, 20_000);
    assert.equal(await store.releaseIdempotencyKey(id, 'o2'), false, 'a completed key is not released');

    const id2 = uid('payments.create:k2');
    await store.insertIdempotencyKey({ ...rec, _id: id2 });
    assert.equal(await store.releaseIdempotencyKey(id2, 'o1'), true);
    assert.equal(await store.getIdempotencyKey(id2), null);
  });

  test(`${name}: concurrent idempotency claims on one key: exactly one wins`, async () => {
    const store = await getStore();
    const id = uid('payments.create:c');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.insertIdempotencyKey({ _id: id, state: 'in_progress', owner: `o${i}`, lease_until: 1, expires_at: 2, created_at: new Date() }),
      ),
    );
    assert.equal(results.filter(Boolean).length, 1);
  });

  test(`${name}: expired idempotency keys are deleted, others kept`, async () => {
    const store = await getStore();
    const old = uid('payments.create:old');
    const fresh = uid('payments.create:fresh');
    const base = { state: 'completed', owner: 'o', lease_until: null, created_at: new Date() };
    await store.insertIdempotencyKey({ ...base, _id: old, expires_at: 100 });
    await store.insertIdempotencyKey({ ...base, _id: fresh, expires_at: Number.MAX_SAFE_INTEGER });
    assert.equal(await store.deleteExpiredIdempotencyKey(fresh, 100), false);
    assert.equal(await store.deleteExpiredIdempotencyKey(old, 99), false);
    const old2 = uid('payments.create:old2');
    await store.insertIdempotencyKey({ ...base, _id: old2, expires_at: 100 });
    assert.ok((await store.purgeExpiredIdempotencyKeys(100)) >= 2);
    assert.equal(await store.getIdempotencyKey(old), null);
    assert.equal(await store.getIdempotencyKey(old2), null);
    assert.notEqual(await store.getIdempotencyKey(fresh), null);
    assert.equal(await store.deleteExpiredIdempotencyKey(fresh, Number.MAX_SAFE_INTEGER), true);
  });

  test(`${name}: dump lists the collections`, async () => {
    const store = await getStore();
    const dump = await store.dump();
    for (const name of ['payments', 'payment_outcomes', 'payment_refunds', 'order_charges', 'idempotency_keys']) {
      assert.ok(Array.isArray(dump[name]), name);
    }
  });
}
