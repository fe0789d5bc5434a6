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

  test(`${name}: transitionPayment is a compare-and-set on status (and lease)`, async () => {
    const store = await getStore();
    const doc = paymentDoc({ lease_until: 5_000 });
    await store.insertPayment(doc);
    assert.equal(await store.transitionPayment(doc._id, 'SUCCEEDED', { payment_status: 'REFUNDED' }), null);
    assert.equal(await store.transitionPayment(doc._id, 'PROCESSING', { payment_status: 'FAILED' }, { leaseExpiredAt: 4_999 }), null);
    const updated = await store.transitionPayment(doc._id, 'PROCESSING', { payment_status: 'SUCCEEDED', lease_until: null }, { leaseExpiredAt: 5_000 });
    assert.equal(updated.payment_status, 'SUCCEEDED');
    assert.equal(updated.lease_until, null);
    assert.equal(updated.amount, 100);
    assert.equal(await store.transitionPayment(doc._id, 'PROCESSING', { payment_status: 'FAILED' }), null);
    assert.equal(await store.transitionPayment('pay_missing', 'PROCESSING', { payment_status: 'FAILED' }), null);
  });

  test(`${name}: concurrent transitions: exactly one wins`, async () => {
    const store = await getStore();
    const doc = paymentDoc();
    await store.insertPayment(doc);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.transitionPayment(doc._id, 'PROCESSING', { payment_status: i % 2 ? 'FAILED' : 'SUCCEEDED' })),
    );
    assert.equal(results.filter(Boolean).length, 1);
  });

  test(`${name}: deletePayment only in the given status`, async () => {
    const store = await getStore();
    const doc = paymentDoc();
    await store.insertPayment(doc);
    assert.equal(await store.deletePayment(doc._id, 'SUCCEEDED'), false);
    assert.equal(await store.deletePayment(doc._id, 'PROCESSING'), true);
    assert.equal(await store.getPayment(doc._id), null);
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

  test(`${name}: order charges: insert is unique, transfer/mark/release are compare-and-set`, async () => {
    const store = await getStore();
    const key = uid('order');
    const now = Date.now();
    const doc = { _id: key, payment_id: 'pay_a', state: 'charging', created_at: new Date(now), updated_at: new Date(now) };
    assert.equal(await store.insertOrderCharge(doc), true);
    assert.equal(await store.insertOrderCharge({ ...doc, payment_id: 'pay_b' }), false);
    assert.equal((await store.getOrderCharge(key)).payment_id, 'pay_a');

    assert.equal(await store.transferOrderCharge(key, 'pay_x', 'pay_b', now), false);
    assert.equal(await store.transferOrderCharge(key, 'pay_a', 'pay_b', now), true);
    assert.equal((await store.getOrderCharge(key)).payment_id, 'pay_b');

    assert.equal(await store.releaseOrderCharge(key, 'pay_a'), false);
    assert.equal(await store.markOrderPaid(key, 'pay_a', now), false);
    assert.equal(await store.markOrderPaid(key, 'pay_b', now), true);
    assert.equal(await store.markOrderPaid(key, 'pay_b', now), true, 'marking paid twice is harmless');
    assert.equal((await store.getOrderCharge(key)).state, 'paid');
    assert.equal(await store.releaseOrderCharge(key, 'pay_b'), false, 'a paid order is never released');
    assert.equal(await store.transferOrderCharge(key, 'pay_b', 'pay_c', now), false, 'a paid order is never transferred');

    const key2 = uid('order');
    await store.insertOrderCharge({ ...doc, _id: key2 });
    assert.equal(await store.releaseOrderCharge(key2, 'pay_a'), true);
    assert.equal(await store.getOrderCharge(key2), null);
  });

  test(`${name}: concurrent order claims: exactly one insert wins`, async () => {
    const store = await getStore();
    const key = uid('order');
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.insertOrderCharge({ _id: key, payment_id: `pay_${i}`, state: 'charging', created_at: now, updated_at: now }),
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

    assert.equal(await store.completeIdempotencyKey(id, { owner: 'o1', response: { status: 201, body: {} }, expiresAt: 20_000 }), false);
    assert.equal(await store.releaseIdempotencyKey(id, 'o1'), false);
    const response = { status: 201, body: { payment_id: 'pay_r', card: { last4: '4242' } } };
    assert.equal(await store.completeIdempotencyKey(id, { owner: 'o2', response, expiresAt: 20_000 }), true);
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
    for (const name of ['payments', 'order_charges', 'idempotency_keys']) assert.ok(Array.isArray(dump[name]), name);
  });
}
