// Unit tests: the request signature scheme, including the README's test vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeSignature, parseSignatureHeader, signatureHeader, verifySignature } from '../src/signing.js';

// Shared with the Python client (tests/payments/test_http_gateway.py): both sides check
// every vector, so the two implementations cannot drift apart.
const SHARED_VECTORS = JSON.parse(
  readFileSync(new URL('../../contracts/payments-signing-vectors.json', import.meta.url), 'utf8'),
);

// The worked example in README.md (the Python client tests the same vector).
export const VECTOR = {
  secret: 'whsec_test_secret',
  t: 1700000000,
  method: 'POST',
  path: '/v1/payments',
  body: '{"order_id":42,"amount":49900,"currency":"INR","payment_mode":"UPI","upi":{"vpa":"asha@okhdfc"}}',
  hex: 'b77d812d84a84e33ecd3490459fbbc62363f4f193631a21415ada547a673ad92',
};
const GET_VECTOR_HEX = 'e8982194b69ac7e8df2b354b33718d519b3a614fb46679edce227283c7dcd282';

test('signature test vector (README)', () => {
  assert.equal(computeSignature(VECTOR.secret, VECTOR.t, VECTOR.method, VECTOR.path, VECTOR.body), VECTOR.hex);
  assert.equal(computeSignature(VECTOR.secret, VECTOR.t, VECTOR.method, VECTOR.path, Buffer.from(VECTOR.body)), VECTOR.hex);
  assert.equal(computeSignature(VECTOR.secret, String(VECTOR.t), 'post', VECTOR.path, VECTOR.body), VECTOR.hex, 'method is upper-cased');
  assert.equal(computeSignature(VECTOR.secret, VECTOR.t, 'GET', '/v1/payments?order_id=42', ''), GET_VECTOR_HEX);
  assert.equal(signatureHeader(VECTOR.secret, VECTOR.t, VECTOR.method, VECTOR.path, VECTOR.body), `t=1700000000,v1=${VECTOR.hex}`);
});

test('signature vector shared with the Python client (tests/payments/test_http_gateway.py)', () => {
  assert.equal(
    signatureHeader('whsec_test_vector', 1_700_000_000, 'post', '/v1/payments?x=1', '{"a":1}'),
    't=1700000000,v1=cf2fff5c7e5e5a86bb4efe812f4ecd8d087df40944af65579d69cf4ff3d4bba6',
  );
});

test('shared signing vectors (contracts/payments-signing-vectors.json)', async (t) => {
  assert.ok(SHARED_VECTORS.length >= 8, 'the shared vectors file is not empty');
  for (const v of SHARED_VECTORS) {
    await t.test(v.name, () => {
      assert.equal(computeSignature(v.secret, v.t, v.method, v.path_and_query, v.body), v.expected);
      assert.equal(computeSignature(v.secret, v.t, v.method, v.path_and_query, Buffer.from(v.body, 'utf8')), v.expected);
      assert.equal(signatureHeader(v.secret, v.t, v.method, v.path_and_query, v.body), `t=${v.t},v1=${v.expected}`);
      const verified = verifySignature({
        secret: v.secret,
        header: `t=${v.t},v1=${v.expected}`,
        method: v.method,
        pathAndQuery: v.path_and_query,
        rawBody: Buffer.from(v.body, 'utf8'),
        nowSec: v.t,
      });
      assert.deepEqual(verified, { ok: true });
    });
  }
});

test('the README vector is in the shared file', () => {
  assert.ok(SHARED_VECTORS.some((v) => v.expected === VECTOR.hex && v.body === VECTOR.body));
  assert.ok(SHARED_VECTORS.some((v) => v.expected === GET_VECTOR_HEX));
});

test('parse: accepts t and one or more v1, ignores unknown schemes, rejects junk', () => {
  assert.deepEqual(parseSignatureHeader(`t=1,v1=${'a'.repeat(64)}`), { t: 1, v1: ['a'.repeat(64)] });
  assert.deepEqual(parseSignatureHeader(` t=1 , v0=zz , v1=${'A'.repeat(64)} `), { t: 1, v1: ['a'.repeat(64)] });
  assert.equal(parseSignatureHeader(`t=1,v1=${'b'.repeat(64)},v1=${'c'.repeat(64)}`).v1.length, 2);
  for (const bad of ['', 't=1', `v1=${'a'.repeat(64)}`, `t=x,v1=${'a'.repeat(64)}`, `t=1,v1=${'a'.repeat(63)}`, `t=1,v1=${'g'.repeat(64)}`, `t=1,t=2,v1=${'a'.repeat(64)}`, 'garbage', `t=-1,v1=${'a'.repeat(64)}`, `t=1.5,v1=${'a'.repeat(64)}`]) {
    assert.equal(parseSignatureHeader(bad), null, bad);
  }
  assert.equal(parseSignatureHeader(undefined), null);
});

const base = () => ({
  secret: VECTOR.secret,
  header: `t=${VECTOR.t},v1=${VECTOR.hex}`,
  method: VECTOR.method,
  pathAndQuery: VECTOR.path,
  rawBody: Buffer.from(VECTOR.body),
  nowSec: VECTOR.t,
  toleranceSec: 300,
});

test('verify: good signature within 300 s either way', () => {
  assert.deepEqual(verifySignature(base()), { ok: true });
  assert.deepEqual(verifySignature({ ...base(), nowSec: VECTOR.t + 300 }), { ok: true });
  assert.deepEqual(verifySignature({ ...base(), nowSec: VECTOR.t - 300 }), { ok: true });
  const rotated = { ...base(), header: `t=${VECTOR.t},v1=${'0'.repeat(64)},v1=${VECTOR.hex}` };
  assert.deepEqual(verifySignature(rotated), { ok: true }, 'any listed v1 may match');
});

test('verify: missing, malformed, stale, wrong', () => {
  assert.equal(verifySignature({ ...base(), header: undefined }).reason, 'missing');
  assert.equal(verifySignature({ ...base(), header: 'nope' }).reason, 'malformed');
  assert.equal(verifySignature({ ...base(), nowSec: VECTOR.t + 301 }).reason, 'stale');
  assert.equal(verifySignature({ ...base(), nowSec: VECTOR.t - 301 }).reason, 'stale');
  assert.equal(verifySignature({ ...base(), secret: 'other' }).reason, 'mismatch');
  assert.equal(verifySignature({ ...base(), method: 'PUT' }).reason, 'mismatch');
  assert.equal(verifySignature({ ...base(), pathAndQuery: '/v1/payments?x=1' }).reason, 'mismatch');
  assert.equal(verifySignature({ ...base(), rawBody: Buffer.from(`${VECTOR.body} `) }).reason, 'mismatch');
  const otherT = { ...base(), header: `t=${VECTOR.t + 1},v1=${VECTOR.hex}`, nowSec: VECTOR.t + 1 };
  assert.equal(verifySignature(otherT).reason, 'mismatch', 'the timestamp is signed');
});
