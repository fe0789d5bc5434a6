// Card data cannot be recovered from the payments store by someone who holds every
// secret the API holds (the request-signing secret; the API's own token keys sign
// nothing stored here).
//
// 1. Information flow: the same traffic is run twice, identical in everything (ids,
//    clock, keys, nonces) except the card numbers' hidden digits and the CVCs. Every
//    document stored by the payments service, in every collection, must come out
//    byte-for-byte the same — except card.fingerprint, which is an HMAC under the key
//    only the payments service holds. If nothing stored depends on the PAN's hidden
//    digits or on the CVC, nothing stored can confirm a guess of them.
// 2. The attack of issue 12: knowing BIN + last4 + expiry from the record, try every
//    Luhn-valid PAN (and every CVC) against every stored value with the API-side secret
//    and the derivations the old code used. It must find nothing — and (the control,
//    so the attack is known to work) it must find the PAN when given the payments-only key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createHash, hkdfSync } from 'node:crypto';
import mongodb from 'mongodb';
import { luhnValid } from '../../src/cards/luhn.js';
import { canonicalJson } from '../../src/canonical-json.js';
import { PANS, TEST_CARD_FINGERPRINT_KEY, TEST_SECRET, fakeClock, startTestServer } from './harness.js';

const { EJSON } = mongodb.BSON;
const START = Date.UTC(2026, 10, 25, 12, 0, 0);
const BIN = '424242';
const LAST4 = '4242';

/** Every Luhn-valid 16-digit PAN with this BIN and last4 (what the attacker must try). */
let allCandidates = null;
function candidatePans() {
  if (!allCandidates) {
    allCandidates = [];
    for (let middle = 0; middle < 1_000_000; middle += 1) {
      const pan = `${BIN}${String(middle).padStart(6, '0')}${LAST4}`;
      if (luhnValid(pan)) allCandidates.push(pan);
    }
  }
  return allCandidates;
}

/** HMAC-SHA256 with the key schedule done once (RFC 2104 with hash.copy()): fast guessing. */
function hmacGuesser(key) {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  const inner = createHash('sha256').update(block.map((b) => b ^ 0x36));
  const outer = createHash('sha256').update(block.map((b) => b ^ 0x5c));
  return (data) => outer.copy().update(inner.copy().update(data).digest()).digest('hex');
}

/** Deterministic ids, so that two runs store the same ids. */
function deterministicIds() {
  let n = 0;
  const letters = (k) => {
    let out = '';
    for (let i = 0; i < 24; i += 1) {
      out = 'abcdefghijklmnopqrstuvwxyz'[k % 26] + out;
      k = Math.floor(k / 26);
    }
    return out;
  };
  return { paymentId: () => `pay_${letters((n += 1))}`, leaseOwner: () => `owner${(n += 1)}` };
}

/** Run the same traffic with the given card secrets; returns the sorted dump and the card docs. */
async function runTraffic(store, { pan, cvc, declinedCvc }) {
  const clock = fakeClock(START);
  const srv = await startTestServer({ store, clock, ids: deterministicIds(), env: { PAYMENTS_CARD_FINGERPRINT_KEY: TEST_CARD_FINGERPRINT_KEY } });
  let nonceCount = 0;
  const t = Math.floor(START / 1000);
  const send = (method, path, opts = {}) => srv.request(method, path, { t, nonce: `nonce-${String((nonceCount += 1)).padStart(12, '0')}`, ...opts });
  const card = (number, c, name = 'Asha Rao') => ({ number, exp_month: 12, exp_year: 2029, cvc: c, name });
  const body = (orderId, number, c, extra = {}) => ({ order_id: orderId, amount: 49_900, currency: 'INR', payment_mode: 'CARD', card: card(number, c), ...extra });
  try {
    const paid = await send('POST', '/v1/payments', { key: 'k-paid', body: body('order-1', pan, cvc, { merchant_reference: 'ref-1' }) });
    assert.equal(paid.body.payment_status, 'SUCCEEDED', paid.text);
    assert.equal((await send('POST', '/v1/payments', { key: 'k-paid', body: body('order-1', pan, cvc, { merchant_reference: 'ref-1' }) })).status, 201);
    // Same key, another amount: refused, and what the key remembers is compared.
    assert.equal((await send('POST', '/v1/payments', { key: 'k-paid', body: body('order-1', pan, cvc, { amount: 1 }) })).status, 422);
    const declined = await send('POST', '/v1/payments', { key: 'k-declined', body: body('order-2', PANS.declined, declinedCvc) });
    assert.equal(declined.body.payment_status, 'FAILED');
    const retry = await send('POST', '/v1/payments', { key: 'k-retry', body: body('order-2', pan, cvc) });
    assert.equal(retry.body.payment_status, 'SUCCEEDED');
    assert.equal((await send('POST', '/v1/payments', { key: 'k-again', body: body('order-2', pan, cvc) })).body.code, 'order_already_paid');
    assert.equal((await send('POST', `/v1/payments/${paid.body.payment_id}/refunds`, { key: 'k-refund', body: { reason: 'cold food' } })).status, 200);
    await send('GET', `/v1/payments/${paid.body.payment_id}`);
    await send('GET', '/v1/payments?order_id=order-2');
    const dump = await store.dump();
    const sorted = Object.fromEntries(
      Object.keys(dump)
        .sort()
        .map((name) => [name, [...dump[name]].sort((a, b) => (a._id < b._id ? -1 : 1))]),
    );
    return sorted;
  } finally {
    await srv.close();
  }
}

/** Every string anywhere in a value (the attacker compares guesses with all of them). */
function strings(value, out = new Set()) {
  if (typeof value === 'string') out.add(value.toLowerCase());
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const hmacHex = (key, data) => createHmac('sha256', key).update(data).digest('hex');
const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');
/** What the attacker derives from the API-side signing secret (including the old HKDF key). */
const apiSideKeys = () => [
  Buffer.from(TEST_SECRET),
  Buffer.from(hkdfSync('sha256', Buffer.from(TEST_SECRET), 'node-payments/v1', 'card-fingerprint', 32)),
];

/**
 * @param {string} name
 * @param {() => Promise<object>} makeStore a fresh, not initialised store
 */
export function cardSecrecyScenario(name, makeStore) {
  const panA = () => candidatePans()[3];
  const panB = () => candidatePans()[77_000];

  test(`${name}: nothing stored depends on the PAN's hidden digits or the CVC (two runs differ only there)`, async () => {
    assert.notEqual(panA(), panB());
    const a = await runTraffic(await makeStore(), { pan: panA(), cvc: '123', declinedCvc: '111' });
    const b = await runTraffic(await makeStore(), { pan: panB(), cvc: '987', declinedCvc: '999' });
    const fingerprints = (dump) =>
      dump.payment_records.filter((d) => d.card?.fingerprint).map((d) => d.card.fingerprint);
    assert.ok(fingerprints(a).length >= 2, 'the card fingerprint is kept (under the payments-only key)');
    assert.notDeepEqual(fingerprints(a), fingerprints(b), 'sanity: the fingerprint does see the PAN');
    const strip = (dump) => {
      const copy = EJSON.parse(EJSON.stringify(dump, { relaxed: false }), { relaxed: false });
      for (const d of copy.payment_records) if (d.card) delete d.card.fingerprint;
      return EJSON.stringify(copy, { relaxed: false });
    };
    assert.equal(strip(a), strip(b), 'every stored document is the same whatever the hidden digits and the CVC were');
    assert.ok(a.payment_records.some((d) => d.kind === 'signature'), 'the replay cache is part of the comparison');
    assert.ok(a.payment_records.some((d) => d.kind === 'idempotency_key'), 'the idempotency keys are part of the comparison');
  });

  test(`${name}: the API-side secret confirms no guessed PAN or CVC; the payments-only key would (control)`, async () => {
    const dump = await runTraffic(await makeStore(), { pan: panA(), cvc: '123', declinedCvc: '111' });
    const stored = strings(dump);
    const cardDoc = dump.payment_records.find((d) => d.kind === 'payment' && d.card?.last4 === LAST4);
    assert.ok(cardDoc, 'a stored card payment');
    assert.equal(`${cardDoc.card.brand}:${cardDoc.card.last4}`, `visa:${LAST4}`, 'what the attacker reads from the record');
    const keys = apiSideKeys();
    const guessers = keys.map(hmacGuesser);
    for (const k of keys) assert.equal(hmacGuesser(k)(panA()), hmacHex(k, panA()), 'the fast HMAC is HMAC');
    const candidates = candidatePans();
    assert.ok(candidates.length > 90_000 && candidates.includes(panA()));
    const confirms = (pan) => stored.has(sha256Hex(pan)) || guessers.some((g) => stored.has(g(pan)));
    const confirmed = candidates.filter(confirms);
    assert.deepEqual(confirmed, [], 'no guessed PAN is confirmed with the API-side secrets');

    // The CVC, even for an attacker who somehow knows the PAN: the request as sent, under
    // every key and hash the old code used for request fingerprints.
    const body = (cvc) => ({
      order_id: 'order-1', amount: 49_900, currency: 'INR', payment_mode: 'CARD', merchant_reference: 'ref-1',
      card: { number: panA(), exp_month: 12, exp_year: 2029, cvc, name: 'Asha Rao' },
    });
    for (let c = 0; c < 1000; c += 1) {
      const cvc = String(c).padStart(3, '0');
      const message = canonicalJson(['POST', '/v1/payments', body(cvc)]);
      const hit = stored.has(sha256Hex(message)) || guessers.some((g) => stored.has(g(message)));
      assert.equal(hit, false, `CVC guess ${cvc} confirmed`);
    }

    // Control: with the payments-only key the same attack does find the PAN.
    const serviceKey = hmacGuesser(Buffer.from(TEST_CARD_FINGERPRINT_KEY));
    assert.deepEqual(candidates.filter((pan) => stored.has(serviceKey(pan))), [panA()]);
  });
}
