// The card-data leak check: after real traffic, no full card number and no CVC value
// may appear in any stored document, in any log line, or in any response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mongodb from 'mongodb';

const { EJSON } = mongodb.BSON;
import { PANS, cardBody, startTestServer, uniqueKey, uniqueOrderId } from './harness.js';

const CVCS = ['739', '7391', '123', '4567'];

function spaced(pan) {
  return pan.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function assertNoCardData(text, where) {
  for (const pan of Object.values(PANS)) {
    assert.ok(!text.includes(pan), `${where} contains the card number ending ${pan.slice(-4)}`);
    assert.ok(!text.includes(spaced(pan)), `${where} contains the spaced card number ending ${pan.slice(-4)}`);
  }
  for (const cvc of CVCS) {
    assert.ok(!text.includes(`"${cvc}"`), `${where} contains a CVC value`);
  }
  assert.ok(!/"cvc"/i.test(text), `${where} has a cvc field`);
  assert.ok(!/"number"/i.test(text), `${where} has a card number field`);
}

/**
 * @param {string} name
 * @param {() => Promise<object>} makeStore
 */
export function leakScenario(name, makeStore) {
  test(`${name}: no card number or CVC in stored documents, logs or responses`, async () => {
    const srv = await startTestServer({ store: await makeStore() });
    const responses = [];
    const send = async (method, path, opts) => {
      const res = await srv.request(method, path, opts);
      responses.push(res.text);
      return res;
    };
    try {
      const orderOk = uniqueOrderId();
      const okRes = await send('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderOk, PANS.ok) });
      assert.equal(okRes.body.payment_status, 'SUCCEEDED');
      // A replay and a key reuse (the stored fingerprint covers the card data).
      await send('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderOk, PANS.ok) });
      for (const pan of [PANS.declined, PANS.insufficient, PANS.expired, PANS.cvc]) {
        const res = await send('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(uniqueOrderId(), pan) });
        assert.equal(res.body.payment_status, 'FAILED');
      }
      for (const pan of [PANS.mastercard, PANS.amex, PANS.rupay, PANS.discover]) {
        const res = await send('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(uniqueOrderId(), pan) });
        assert.equal(res.body.payment_status, 'SUCCEEDED', pan.slice(-4));
      }
      // The number typed with spaces.
      const spacedRes = await send('POST', '/v1/payments', {
        key: uniqueKey(),
        body: cardBody(uniqueOrderId(), spaced(PANS.ok)),
      });
      assert.equal(spacedRes.status, 201);
      // Bad input that carries card data: wrong Luhn, past expiry, wrong CVC length, malformed JSON, unknown field, oversize.
      const badLuhn = await send('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(uniqueOrderId(), '4242424242424241') });
      assert.equal(badLuhn.status, 422);
      const pastBody = cardBody(uniqueOrderId(), PANS.ok);
      pastBody.card.exp_year = 2001;
      assert.equal((await send('POST', '/v1/payments', { key: uniqueKey(), body: pastBody })).status, 422);
      const amexShort = cardBody(uniqueOrderId(), PANS.amex);
      amexShort.card.cvc = '123';
      assert.equal((await send('POST', '/v1/payments', { key: uniqueKey(), body: amexShort })).status, 422);
      const raw = JSON.stringify(cardBody(uniqueOrderId(), PANS.ok));
      assert.equal((await send('POST', '/v1/payments', { key: uniqueKey(), raw: raw.slice(0, -1) })).status, 400);
      const extra = cardBody(uniqueOrderId(), PANS.ok);
      extra.card.pan = PANS.declined;
      assert.equal((await send('POST', '/v1/payments', { key: uniqueKey(), body: extra })).status, 422);
      const huge = cardBody(uniqueOrderId(), PANS.ok);
      huge.card.name = 'x'.repeat(70 * 1024);
      assert.equal((await send('POST', '/v1/payments', { key: uniqueKey(), body: huge })).status, 413);
      const unsigned = await send('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(uniqueOrderId(), PANS.ok), sign: false });
      assert.equal(unsigned.status, 401);
      const reusedKey = uniqueKey();
      await send('POST', '/v1/payments', { key: reusedKey, body: cardBody(uniqueOrderId(), PANS.ok) });
      assert.equal((await send('POST', '/v1/payments', { key: reusedKey, body: cardBody(uniqueOrderId(), PANS.declined) })).status, 422);
      await send('GET', `/v1/payments?order_id=${orderOk}`);

      const dump = await srv.store.dump();
      const docs = Object.values(dump).flat();
      assert.ok(docs.length >= 10, 'the dump holds the payments');
      const stored = EJSON.stringify(dump, { relaxed: true });
      assertNoCardData(stored, 'the store');
      assert.ok(stored.includes('"last4":"4242"'), 'sanity: the dump is readable');

      assert.ok(srv.logs.length > 10, 'logs were captured');
      assertNoCardData(srv.logs.join(''), 'the logs');
      assertNoCardData(responses.join('\n'), 'the responses');
    } finally {
      await srv.close();
    }
  });
}
