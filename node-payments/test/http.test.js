// HTTP behaviour over real sockets: ops endpoints, request ids, signatures, and
// every kind of bad input (4xx problem+json, never 5xx).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStore } from '../src/store/memory.js';
import { PANS, TEST_SECRET, cardBody, newNonce, startTestServer, uniqueKey, uniqueOrderId } from './support/harness.js';
import { signatureHeader } from '../src/signing.js';

let srv;
before(async () => {
  srv = await startTestServer();
});
after(() => srv.close());

function assertProblem(res, status, code) {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
  for (const k of ['type', 'title', 'status', 'detail', 'code']) assert.ok(k in res.body, `problem has ${k}`);
  assert.equal(res.body.status, status);
  if (code) assert.equal(res.body.code, code);
}

test('healthz, readyz and metrics', async () => {
  const h = await fetch(`${srv.baseUrl}/healthz`);
  assert.equal(h.status, 200);
  assert.deepEqual(await h.json(), { status: 'ok' });
  const r = await fetch(`${srv.baseUrl}/readyz`);
  assert.equal(r.status, 200);
  assert.equal((await r.json()).status, 'ready');
  const m = await fetch(`${srv.baseUrl}/metrics`);
  assert.equal(m.status, 200);
  assert.match(m.headers.get('content-type'), /^text\/plain/);
  const text = await m.text();
  assert.match(text, /# TYPE payments_http_requests_total counter/);
  assert.match(text, /payments_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
});

test('readyz is 503 when the store is unreachable', async () => {
  const store = createMemoryStore();
  const broken = await startTestServer({ store: { ...store, ping: async () => Promise.reject(new Error('down')) } });
  try {
    const res = await fetch(`${broken.baseUrl}/readyz`);
    assert.equal(res.status, 503);
    assert.equal((await res.json()).code, 'store_unavailable');
  } finally {
    await broken.close();
  }
});

test('X-Request-ID is echoed, or generated when absent or unusable', async () => {
  const given = await fetch(`${srv.baseUrl}/healthz`, { headers: { 'x-request-id': 'req-abc.123' } });
  assert.equal(given.headers.get('x-request-id'), 'req-abc.123');
  const generated = await fetch(`${srv.baseUrl}/healthz`);
  assert.match(generated.headers.get('x-request-id'), /^[0-9a-f-]{36}$/);
  const junk = await fetch(`${srv.baseUrl}/healthz`, { headers: { 'x-request-id': 'x'.repeat(500) } });
  assert.match(junk.headers.get('x-request-id'), /^[0-9a-f-]{36}$/);
  const line = srv.logs.map((l) => JSON.parse(l)).find((l) => l.request_id === 'req-abc.123' && l.msg === 'request');
  assert.equal(line.status, 200);
  assert.equal(line.path, '/healthz');
});

test('signatures: missing, malformed, v1, wrong, stale, future, tampered → 401 invalid_signature', async () => {
  const body = cardBody(uniqueOrderId());
  const now = Math.floor(Date.now() / 1000);
  const raw = JSON.stringify(body);
  const key = uniqueKey();
  const sig = (over) =>
    signatureHeader(TEST_SECRET, { t: now, nonce: newNonce(), method: 'POST', pathAndQuery: '/v1/payments', idempotencyKey: key, rawBody: raw, ...over });
  const cases = {
    missing: { sign: false },
    malformed: { sign: false, headers: { 'x-payments-signature': 'v2=abc' } },
    noNonce: { sign: false, headers: { 'x-payments-signature': sig({}).replace(/,n=[^,]+/, '') } },
    shortNonce: { sign: false, headers: { 'x-payments-signature': sig({ nonce: 'abc' }) } },
    v1only: { sign: false, headers: { 'x-payments-signature': `t=${now},v1=${'a'.repeat(64)}` } },
    wrongSecret: { secret: 'not-the-secret' },
    stale: { t: now - 301 },
    future: { t: now + 330 }, // `now` was read at the start: keep well past the window as time goes on
    tampered: { sign: false, headers: { 'x-payments-signature': sig({ rawBody: raw.replace('49900', '1') }) } },
    otherPath: { sign: false, headers: { 'x-payments-signature': sig({ pathAndQuery: '/v1/other' }) } },
    otherKey: { sign: false, headers: { 'x-payments-signature': sig({ idempotencyKey: `${key}-other` }) } },
    unsignedKey: { sign: false, headers: { 'x-payments-signature': sig({ idempotencyKey: '' }) } },
  };
  for (const [name, opts] of Object.entries(cases)) {
    const res = await srv.request('POST', '/v1/payments', { key, raw, ...opts });
    assert.equal(res.status, 401, `${name}: ${res.text}`);
    assertProblem(res, 401, 'invalid_signature');
    assert.ok(res.body.detail, name);
  }
  const v1 = await srv.request('POST', '/v1/payments', { key, raw, ...cases.v1only });
  assert.match(v1.body.detail, /v1 signatures .* no longer accepted/);
  const okLate = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(uniqueOrderId()), t: now - 200 });
  assert.equal(okLate.status, 201, 'within the window');
  const noQuerySigned = await srv.request('GET', '/v1/payments?order_id=1', {
    sign: false,
    headers: {
      'x-payments-signature': signatureHeader(TEST_SECRET, { t: now, nonce: newNonce(), method: 'GET', pathAndQuery: '/v1/payments', rawBody: '' }),
    },
  });
  assertProblem(noQuerySigned, 401, 'invalid_signature');
  const unsignedGet = await fetch(`${srv.baseUrl}/v1/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa`);
  assert.equal(unsignedGet.status, 401);
});

test('a captured signed charge is not accepted under a new Idempotency-Key (the key is signed)', async () => {
  const orderId = uniqueOrderId();
  const first = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId, PANS.declined) });
  assert.equal(first.body.payment_status, 'FAILED');
  // The attacker keeps the captured signature and body and only swaps the key header.
  for (let i = 0; i < 3; i += 1) {
    const res = await srv.resend('POST', '/v1/payments', { ...first.sent, 'idempotency-key': uniqueKey('attacker') }, JSON.stringify(cardBody(orderId, PANS.declined)));
    assertProblem(res, 401, 'invalid_signature');
  }
  const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
  assert.equal(list.body.payments.length, 1, 'no new attempt was made');
});

test('a signature already seen is refused (401 signature_replayed) on every /v1 route; a new nonce is accepted', async () => {
  const body = cardBody(uniqueOrderId());
  const raw = JSON.stringify(body);
  const charge = await srv.request('POST', '/v1/payments', { key: uniqueKey(), raw });
  assert.equal(charge.status, 201);
  const paymentId = charge.body.payment_id;
  const replayedCharge = await srv.resend('POST', '/v1/payments', charge.sent, raw);
  assertProblem(replayedCharge, 401, 'signature_replayed');

  const paths = [
    ['GET', `/v1/payments/${paymentId}`, ''],
    ['GET', `/v1/payments?order_id=${body.order_id}`, ''],
    ['POST', `/v1/payments/${paymentId}/refunds`, '{}'],
  ];
  for (const [method, path, rawBody] of paths) {
    const once = await srv.request(method, path, { raw: rawBody, key: method === 'POST' ? uniqueKey('refund') : undefined });
    assert.ok(once.status < 300, `${method} ${path}: ${once.text}`);
    const again = await srv.resend(method, path, once.sent, rawBody);
    assertProblem(again, 401, 'signature_replayed');
  }
  // The same request, signed again (a new nonce): accepted (a retry is always re-signed).
  const resigned = await srv.request('GET', `/v1/payments/${paymentId}`);
  assert.equal(resigned.status, 200);
  // Same t and nonce over another request: refused too (the cache is keyed by t and nonce).
  const nonce = newNonce();
  const t = Math.floor(Date.now() / 1000);
  assert.equal((await srv.request('GET', `/v1/payments/${paymentId}`, { nonce, t })).status, 200);
  assertProblem(await srv.request('GET', `/v1/payments?order_id=${body.order_id}`, { nonce, t }), 401, 'signature_replayed');
  assert.ok(srv.logs.some((l) => JSON.parse(l).reason === 'replayed'));
});

test('a charge that failed (400, 415, 422, 409) also records its signature: the replay is 401 signature_replayed', async () => {
  const orderId = uniqueOrderId();
  const cases = [
    ['malformed JSON', { raw: '{"order_id":' }],
    ['validation error', { body: { ...cardBody(orderId), amount: -1 } }],
    ['invalid card', { body: cardBody(orderId, '4242424242424241') }],
    ['not JSON', { raw: 'x=1', headers: { 'content-type': 'text/plain' } }],
  ];
  for (const [name, opts] of cases) {
    const key = uniqueKey();
    const first = await srv.request('POST', '/v1/payments', { key, ...opts });
    assert.ok(first.status >= 400 && first.status < 500 && first.status !== 401, `${name}: ${first.text}`);
    const raw = opts.raw ?? JSON.stringify(opts.body);
    assertProblem(await srv.resend('POST', '/v1/payments', first.sent, raw), 401, 'signature_replayed');
  }
  const missingKey = await srv.request('POST', '/v1/payments', { body: cardBody(orderId) });
  assertProblem(missingKey, 400, 'idempotency_key_required');
  assertProblem(await srv.resend('POST', '/v1/payments', missingKey.sent, JSON.stringify(cardBody(orderId))), 401, 'signature_replayed');
});

test('unknown routes → 404, wrong methods → 405 with Allow', async () => {
  assertProblem(await srv.request('GET', '/nope', { sign: false }), 404, 'not_found');
  assertProblem(await srv.request('GET', '/v1/nope'), 404, 'not_found');
  const cases = [
    ['DELETE', '/v1/payments', 'GET, HEAD, POST'],
    ['PUT', '/v1/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa', 'GET, HEAD'],
    ['GET', '/v1/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa/refunds', 'POST'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['DELETE', '/metrics', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of cases) {
    const res = await srv.request(method, path);
    assertProblem(res, 405, 'method_not_allowed');
    assert.equal(res.headers.get('allow'), allow, `${method} ${path}`);
  }
});

test('body problems: 400 malformed JSON, 413 too large, 415 wrong type or encoding', async () => {
  const malformed = await srv.request('POST', '/v1/payments', { key: uniqueKey(), raw: '{"order_id": 1,' });
  assertProblem(malformed, 400, 'malformed_json');
  const big = JSON.stringify({ ...cardBody(1), pad: 'x'.repeat(64 * 1024) });
  assertProblem(await srv.request('POST', '/v1/payments', { key: uniqueKey(), raw: big }), 413, 'payload_too_large');
  const text = await srv.request('POST', '/v1/payments', {
    key: uniqueKey(),
    raw: JSON.stringify(cardBody(1)),
    headers: { 'content-type': 'text/plain' },
  });
  assertProblem(text, 415, 'unsupported_media_type');
  const latin1 = await srv.request('POST', '/v1/payments', {
    key: uniqueKey(),
    raw: JSON.stringify(cardBody(1)),
    headers: { 'content-type': 'application/json; charset=latin1' },
  });
  assertProblem(latin1, 415, 'unsupported_media_type');
  const gz = await srv.request('POST', '/v1/payments', {
    key: uniqueKey(),
    raw: JSON.stringify(cardBody(1)),
    headers: { 'content-encoding': 'gzip' },
  });
  assertProblem(gz, 415, 'unsupported_media_type');
  const charsetOk = await srv.request('POST', '/v1/payments', {
    key: uniqueKey(),
    raw: JSON.stringify(cardBody(uniqueOrderId())),
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  assert.equal(charsetOk.status, 201);
});

test('Idempotency-Key is required and checked', async () => {
  const missing = await srv.request('POST', '/v1/payments', { body: cardBody(1) });
  assertProblem(missing, 400, 'idempotency_key_required');
  assert.deepEqual(missing.body.errors, [{ field: 'Idempotency-Key', message: 'is required' }]);
  assertProblem(await srv.request('POST', '/v1/payments', { key: 'has space', body: cardBody(1) }), 400, 'invalid_idempotency_key');
  assertProblem(await srv.request('POST', '/v1/payments', { key: 'k'.repeat(256), body: cardBody(1) }), 400, 'invalid_idempotency_key');
  const refund = await srv.request('POST', '/v1/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa/refunds', {});
  assertProblem(refund, 400, 'idempotency_key_required');
});

test('422 names the field: schema errors, invalid_card, empty body', async () => {
  const res = await srv.request('POST', '/v1/payments', {
    key: uniqueKey(),
    body: { ...cardBody(1), amount: -5, currency: 'USD', surprise: 1 },
  });
  assertProblem(res, 422, 'validation_error');
  assert.deepEqual(res.body.errors.map((e) => e.field).sort(), ['amount', 'currency', 'surprise']);
  for (const e of res.body.errors) assert.equal(typeof e.message, 'string');

  const luhn = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(1, '4242424242424241') });
  assertProblem(luhn, 422, 'invalid_card');
  assert.deepEqual(luhn.body.errors.map((e) => e.field), ['card.number']);
  assert.ok(!luhn.text.includes('4242424242424241'), 'the number is not echoed');

  const expired = cardBody(1);
  expired.card.exp_year = new Date().getUTCFullYear() - 1;
  const exp = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: expired });
  assertProblem(exp, 422, 'invalid_card');
  assert.deepEqual(exp.body.errors.map((e) => e.field), ['card.exp_year']);

  const amex = cardBody(1, PANS.amex);
  amex.card.cvc = '123';
  const cvc = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: amex });
  assertProblem(cvc, 422, 'invalid_card');
  assert.deepEqual(cvc.body.errors.map((e) => e.field), ['card.cvc']);

  const empty = await srv.request('POST', '/v1/payments', { key: uniqueKey() });
  assertProblem(empty, 422, 'validation_error');
  assert.deepEqual(empty.body.errors, [{ field: 'body', message: 'is required' }]);
  const arr = await srv.request('POST', '/v1/payments', { key: uniqueKey(), raw: '[]' });
  assertProblem(arr, 422, 'validation_error');
  assert.equal(arr.body.errors[0].field, 'body');

  const noOrder = await srv.request('GET', '/v1/payments');
  assertProblem(noOrder, 422, 'validation_error');
  assert.equal(noOrder.body.errors[0].field, 'order_id');
  assertProblem(await srv.request('GET', '/v1/payments?order_id=1&order_id=2'), 422, 'validation_error');
  assertProblem(await srv.request('GET', '/v1/payments/not-a-payment-id'), 404, 'payment_not_found');
  assertProblem(await srv.request('GET', '/v1/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa'), 404, 'payment_not_found');
});

test('string order ids work and are looked up by their text', async () => {
  const orderId = `ord_${uniqueOrderId()}`;
  const res = await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
  assert.equal(res.status, 201);
  assert.equal(res.body.order_id, orderId);
  const list = await srv.request('GET', `/v1/payments?order_id=${orderId}`);
  assert.equal(list.body.payments.length, 1);
});

test('bad input is never a 5xx (deterministic fuzz)', async () => {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const junk = [null, true, false, 0, -1, 1.5, 2 ** 60, '', 'x', '4242424242424242', [], {}, { a: 1 }, 'CARD', 'INR', '12', 99];
  const paths = [['order_id'], ['amount'], ['currency'], ['payment_mode'], ['card'], ['upi'], ['card', 'number'], ['card', 'exp_month'], ['card', 'exp_year'], ['card', 'cvc'], ['card', 'name'], ['upi', 'vpa'], ['x']];
  for (let i = 0; i < 120; i += 1) {
    const body = rand() < 0.5 ? cardBody(uniqueOrderId()) : { ...cardBody(uniqueOrderId()), payment_mode: pick(['UPI', 'COD']) };
    const mutations = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < mutations; j += 1) {
      const path = pick(paths);
      let target = body;
      for (const p of path.slice(0, -1)) {
        if (typeof target[p] !== 'object' || target[p] === null) target[p] = {};
        target = target[p];
      }
      if (rand() < 0.2) delete target[path.at(-1)];
      else target[path.at(-1)] = pick(junk);
    }
    const res = await srv.request('POST', '/v1/payments', { key: uniqueKey('fuzz'), body });
    assert.ok(res.status < 500, `${res.status} for ${JSON.stringify(body)}: ${res.text}`);
  }
});
