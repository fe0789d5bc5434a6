// The store contract: the same tests run against every store implementation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signatureRecord } from '../../src/replay-guard.js';

let seq = 0;
const uid = (p) => `${p}_${process.pid}_${Date.now()}_${(seq += 1)}`;

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

  test(`${name}: records are unique by _id and round-trip (dates, nested documents, nulls)`, async () => {
    const store = await getStore();
    const doc = { _id: uid('pay'), amount: 100, card: { brand: 'visa', last4: '4242' }, lease_until: null, created_at: new Date() };
    assert.equal(await store.insertRecords([doc]), 1);
    assert.equal(await store.insertRecords([{ ...doc, amount: 999 }]), 0);
    const [got] = await store.findRecords([doc._id]);
    assert.equal(got.amount, 100);
    assert.equal(got.card.last4, '4242');
    assert.equal(got.lease_until, null);
    assert.ok(got.created_at instanceof Date);
    assert.equal(got.created_at.getTime(), doc.created_at.getTime());
    assert.deepEqual(await store.findRecords([uid('missing')]), []);
    assert.deepEqual(await store.findRecords([]), []);
  });

  test(`${name}: an ordered insert stops at the first _id that exists and says how far it got`, async () => {
    const store = await getStore();
    const [a, b, c] = [uid('a'), uid('b'), uid('c')];
    assert.equal(await store.insertRecords([{ _id: b, v: 'first' }]), 1);
    assert.equal(await store.insertRecords([{ _id: a }, { _id: b, v: 'second' }, { _id: c }]), 1);
    const found = await store.findRecords([a, b, c]);
    assert.deepEqual(found.map((d) => d._id).sort(), [a, b].sort(), 'nothing after the duplicate was inserted');
    assert.equal(found.find((d) => d._id === b).v, 'first', 'the existing document is untouched');
    assert.equal(await store.insertRecords([{ _id: c }, { _id: uid('d') }]), 2);
  });

  test(`${name}: findRecords returns the ones that exist among many ids`, async () => {
    const store = await getStore();
    const ids = Array.from({ length: 5 }, () => uid('many'));
    await store.insertRecords(ids.slice(0, 3).map((_id, i) => ({ _id, i })));
    const found = await store.findRecords(ids);
    assert.deepEqual(found.map((d) => d._id).sort(), ids.slice(0, 3).sort());
  });

  test(`${name}: returned documents are copies`, async () => {
    const store = await getStore();
    const doc = { _id: uid('copy'), amount: 100 };
    await store.insertRecords([doc]);
    doc.amount = 5;
    const [got] = await store.findRecords([doc._id]);
    got.amount = 6;
    assert.equal((await store.findRecords([doc._id]))[0].amount, 100);
  });

  test(`${name}: setRecordFields sets fields of an existing document only`, async () => {
    const store = await getStore();
    const id = uid('set');
    await store.insertRecords([{ _id: id, a: 1 }]);
    assert.equal(await store.setRecordFields(id, { b: { status: 201 } }), true);
    const [got] = await store.findRecords([id]);
    assert.deepEqual({ a: got.a, b: got.b }, { a: 1, b: { status: 201 } });
    assert.equal(await store.setRecordFields(uid('missing'), { b: 1 }), false);
  });

  test(`${name}: deleteRecordIf deletes only when the fields match`, async () => {
    const store = await getStore();
    const id = uid('del');
    await store.insertRecords([{ _id: id, owner: 'o1' }]);
    assert.equal(await store.deleteRecordIf(id, { owner: 'o2' }), false);
    assert.equal((await store.findRecords([id])).length, 1);
    assert.equal(await store.deleteRecordIf(id, { owner: 'o1' }), true);
    assert.deepEqual(await store.findRecords([id]), []);
    assert.equal(await store.deleteRecordIf(id, { owner: 'o1' }), false);
  });

  test(`${name}: concurrent inserts of one _id: exactly one wins`, async () => {
    const store = await getStore();
    const id = uid('race');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.insertRecords([{ _id: id, by: i }])));
    assert.equal(results.filter((n) => n === 1).length, 1);
    const [stored] = await store.findRecords([id]);
    assert.equal(stored.by, results.indexOf(1), "the stored document is the winner's");
  });

  test(`${name}: concurrent ordered batches sharing their second _id: one gets past it, the others stop there`, async () => {
    const store = await getStore();
    const shared = uid('shared');
    const batches = Array.from({ length: 8 }, (_, i) => [{ _id: uid(`key${i}`) }, { _id: shared, by: i }, { _id: uid(`after${i}`) }]);
    const results = await Promise.all(batches.map((b) => store.insertRecords(b)));
    assert.equal(results.filter((n) => n === 3).length, 1, JSON.stringify(results));
    assert.equal(results.filter((n) => n === 1).length, 7);
    const winner = results.indexOf(3);
    const afters = await store.findRecords(batches.map((b) => b[2]._id));
    assert.deepEqual(afters.map((d) => d._id), [batches[winner][2]._id], 'only the winner went on');
    assert.equal((await store.findRecords([shared]))[0].by, winner);
  });

  test(`${name}: replay cache: a (t, nonce) is claimed once, concurrently too`, async () => {
    const store = await getStore();
    const t = Math.floor(Date.now() / 1000);
    const nonce = uid('nonce');
    assert.equal(await store.insertRecords([signatureRecord(t, nonce)]), 1);
    assert.equal(await store.insertRecords([signatureRecord(t, nonce)]), 0);
    assert.equal(await store.insertRecords([signatureRecord(t + 1, nonce)]), 1, 'another timestamp is another signature');
    const racing = uid('nonce');
    const results = await Promise.all(Array.from({ length: 10 }, () => store.insertRecords([signatureRecord(t, racing)])));
    assert.equal(results.filter((n) => n === 1).length, 1);
  });

  test(`${name}: replay cache: expired records are deleted (by the server's TTL index, or by the sweep)`, async () => {
    const store = await getStore();
    const t = 1_000_000; // long ago
    const old = signatureRecord(t, uid('old'));
    const fresh = signatureRecord(Math.floor(Date.now() / 1000), uid('fresh'));
    assert.equal(await store.insertRecords([old]), 1);
    assert.equal(await store.insertRecords([fresh, { _id: uid('after-fresh') }]), 2, 'first in a batch');
    await store.sweepSignatures(new Date());
    if (store.expiresIndex === 'ttl') {
      // MongoDB deletes it itself (its TTL monitor runs every 60 s); the index is what counts.
      assert.equal(await store.sweepSignatures(new Date()), 0);
    } else {
      assert.deepEqual(await store.findRecords([old._id]), [], 'the expired record is gone');
    }
    assert.equal((await store.findRecords([fresh._id])).length, 1, 'a record in its window is kept');
    assert.equal(await store.insertRecords([fresh]), 0, 'and still refuses the replay');
  });

  test(`${name}: dump lists the collections`, async () => {
    const store = await getStore();
    const dump = await store.dump();
    assert.ok(Array.isArray(dump.payment_records));
    assert.ok(dump.payment_records.some((d) => d.kind === 'signature'));
  });
}
