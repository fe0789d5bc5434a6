// Unit tests: the request signature scheme (v2), including the shared test vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { computeSignature, parseSignatureHeader, signatureHeader, verifySignature } from '../src/signing.js';

// Shared with the Python client (tests/payments/test_http_gateway.py): both sides check
// every vector, so the two implementations cannot drift apart.
const SHARED = JSON.parse(readFileSync(new URL('../../contracts/payments-signing-vectors.json', import.meta.url), 'utf8'));
const VECTORS = SHARED.vectors;
const asRequest = (v) => ({ t: v.t, nonce: v.nonce, method: v.method, pathAndQuery: v.path_and_query, idempotencyKey: v.idempotency_key, rawBody: v.body });

test('shared signing vectors (contracts/payments-signing-vectors.json)', async (t) => {
  assert.ok(VECTORS.length >= 8, 'the shared vectors file is not empty');
  for (const v of VECTORS) {
    await t.test(v.name, () => {
      assert.equal(computeSignature(v.secret, asRequest(v)), v.expected);
      assert.equal(computeSignature(v.secret, { ...asRequest(v), rawBody: Buffer.from(v.body, 'utf8') }), v.expected);
      assert.equal(signatureHeader(v.secret, asRequest(v)), v.header);
      const verified = verifySignature({
        secret: v.secret,
        header: v.header,
        method: v.method,
        pathAndQuery: v.path_and_query,
        idempotencyKey: v.idempotency_key,
        rawBody: Buffer.from(v.body, 'utf8'),
        nowSec: v.t,
      });
      assert.deepEqual(verified, { ok: true, t: v.t, nonce: v.nonce });
    });
  }
});

test('the shared vectors cover the key, the nonce, no key, no body, unicode and the README example', () => {
  const same = (a, b) => a.secret === b.secret && a.t === b.t && a.method === b.method && a.path_and_query === b.path_and_query && a.body === b.body;
  assert.ok(VECTORS.some((a) => VECTORS.some((b) => a !== b && same(a, b) && a.nonce === b.nonce && a.idempotency_key !== b.idempotency_key && a.expected !== b.expected)), 'the key is signed');
  assert.ok(VECTORS.some((a) => VECTORS.some((b) => a !== b && same(a, b) && a.idempotency_key === b.idempotency_key && a.nonce !== b.nonce && a.expected !== b.expected)), 'the nonce is signed');
  assert.ok(VECTORS.some((v) => v.idempotency_key === '' && v.body === ''));
  assert.ok(VECTORS.some((v) => !/^\p{ASCII}*$/u.test(v.body)));
  assert.ok(VECTORS.some((v) => v.name.startsWith('README worked example')));
});

test('the signed message is exactly t, nonce, METHOD, path, key and body, one per line', () => {
  const v = VECTORS[0];
  const message = `${v.t}\n${v.nonce}\n${v.method.toUpperCase()}\n${v.path_and_query}\n${v.idempotency_key}\n${v.body}`;
  assert.equal(createHmac('sha256', v.secret).update(message, 'utf8').digest('hex'), v.expected);
});

test('parse: t, n and one or more v2; v1 alone is an unsupported scheme; junk is malformed', () => {
  const n = 'abcdefghijklmnop';
  assert.deepEqual(parseSignatureHeader(`t=1,n=${n},v2=${'a'.repeat(64)}`), { t: 1, nonce: n, v2: ['a'.repeat(64)] });
  assert.deepEqual(parseSignatureHeader(` t=1 , n=${n} , v3=zz , v1=${'b'.repeat(64)}, v2=${'A'.repeat(64)} `), { t: 1, nonce: n, v2: ['a'.repeat(64)] });
  assert.equal(parseSignatureHeader(`t=1,n=${n},v2=${'b'.repeat(64)},v2=${'c'.repeat(64)}`).v2.length, 2);
  assert.deepEqual(parseSignatureHeader(`t=1,v1=${'a'.repeat(64)}`), { error: 'unsupported_scheme' });
  for (const bad of [
    '',
    't=1',
    `n=${n},v2=${'a'.repeat(64)}`,
    `t=1,v2=${'a'.repeat(64)}`,
    `t=1,n=short,v2=${'a'.repeat(64)}`,
    `t=1,n=${n}!,v2=${'a'.repeat(64)}`,
    `t=1,n=${'x'.repeat(65)},v2=${'a'.repeat(64)}`,
    `t=1,n=${n},n=${n},v2=${'a'.repeat(64)}`,
    `t=x,n=${n},v2=${'a'.repeat(64)}`,
    `t=1,n=${n},v2=${'a'.repeat(63)}`,
    `t=1,n=${n},v2=${'g'.repeat(64)}`,
    `t=1,t=2,n=${n},v2=${'a'.repeat(64)}`,
    'garbage',
    `t=-1,n=${n},v2=${'a'.repeat(64)}`,
  ]) {
    assert.deepEqual(parseSignatureHeader(bad), { error: 'malformed' }, bad);
  }
  assert.deepEqual(parseSignatureHeader(undefined), { error: 'malformed' });
});

const V = VECTORS[0];
const base = () => ({
  secret: V.secret,
  header: V.header,
  method: V.method,
  pathAndQuery: V.path_and_query,
  idempotencyKey: V.idempotency_key,
  rawBody: Buffer.from(V.body),
  nowSec: V.t,
  toleranceSec: 300,
});

test('verify: good signature within 300 s either way; any listed v2 may match', () => {
  assert.equal(verifySignature(base()).ok, true);
  assert.equal(verifySignature({ ...base(), nowSec: V.t + 300 }).ok, true);
  assert.equal(verifySignature({ ...base(), nowSec: V.t - 300 }).ok, true);
  const rotated = { ...base(), header: `t=${V.t},n=${V.nonce},v2=${'0'.repeat(64)},v2=${V.expected}` };
  assert.equal(verifySignature(rotated).ok, true);
});

test('verify: missing, malformed, stale, and every signed part tampered with', () => {
  assert.equal(verifySignature({ ...base(), header: undefined }).reason, 'missing');
  assert.equal(verifySignature({ ...base(), header: 'nope' }).reason, 'malformed');
  assert.equal(verifySignature({ ...base(), header: `t=${V.t},v1=${V.expected}` }).reason, 'unsupported_scheme');
  assert.equal(verifySignature({ ...base(), nowSec: V.t + 301 }).reason, 'stale');
  assert.equal(verifySignature({ ...base(), nowSec: V.t - 301 }).reason, 'stale');
  assert.equal(verifySignature({ ...base(), secret: 'other' }).reason, 'mismatch');
  assert.equal(verifySignature({ ...base(), method: 'PUT' }).reason, 'mismatch');
  assert.equal(verifySignature({ ...base(), pathAndQuery: '/v1/payments?x=1' }).reason, 'mismatch');
  assert.equal(verifySignature({ ...base(), idempotencyKey: `${V.idempotency_key}x` }).reason, 'mismatch', 'the key is signed');
  assert.equal(verifySignature({ ...base(), idempotencyKey: '' }).reason, 'mismatch', 'dropping the key breaks it');
  assert.equal(verifySignature({ ...base(), rawBody: Buffer.from(`${V.body} `) }).reason, 'mismatch');
  const otherT = { ...base(), header: V.header.replace(`t=${V.t}`, `t=${V.t + 1}`), nowSec: V.t + 1 };
  assert.equal(verifySignature(otherT).reason, 'mismatch', 'the timestamp is signed');
  const otherNonce = { ...base(), header: V.header.replace(`n=${V.nonce}`, 'n=AAAAAAAAAAAAAAAAAAAA') };
  assert.equal(verifySignature(otherNonce).reason, 'mismatch', 'the nonce is signed');
});
