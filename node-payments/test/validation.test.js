// Unit tests: JSON Schema validation and its {field, message} errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCreatePayment, validateListPaymentsQuery, validateRefund } from '../src/validation.js';
import { canonicalJson } from '../src/canonical-json.js';
import { cardBody, upiBody } from './support/harness.js';

function fieldsOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.equal(err.status, 422);
    assert.equal(err.code, 'validation_error');
    return err.errors.map((e) => e.field);
  }
  assert.fail('expected a validation error');
}

test('valid bodies pass', () => {
  validateCreatePayment(cardBody(1));
  validateCreatePayment(cardBody('ord_1'));
  validateCreatePayment(upiBody(9_007_199_254_740_991));
  validateCreatePayment({ order_id: 5, amount: 1, currency: 'INR', payment_mode: 'COD' });
  const noName = cardBody(1);
  delete noName.card.name;
  validateCreatePayment(noName);
});

test('merchant_reference: optional string (visible ASCII, up to 128) or null', () => {
  validateCreatePayment({ ...cardBody(1), merchant_reference: '123' });
  validateCreatePayment({ ...cardBody(1), merchant_reference: 'ref-k-1' });
  validateCreatePayment({ ...cardBody(1), merchant_reference: null });
  for (const bad of ['', 'a b', 5, 'x'.repeat(129)]) {
    assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), merchant_reference: bad })), ['merchant_reference']);
  }
});

test('each bad field is named', () => {
  assert.deepEqual(fieldsOf(() => validateCreatePayment({})).sort(), ['amount', 'currency', 'order_id', 'payment_mode']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), amount: 0 })), ['amount']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), amount: 1.5 })), ['amount']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), amount: '100' })), ['amount']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), amount: 2 ** 53 })), ['amount']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), currency: 'USD' })), ['currency']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), payment_mode: 'CASH' })), ['payment_mode']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), order_id: 0 })), ['order_id']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), order_id: 'a b' })), ['order_id']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), order_id: null })), ['order_id']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), tip: 5 })), ['tip']);
  const c = cardBody(1);
  Object.assign(c.card, { exp_month: 13, exp_year: 1999, cvc: '12', number: 'abcd', extra: true });
  assert.deepEqual(fieldsOf(() => validateCreatePayment(c)).sort(), ['card.cvc', 'card.exp_month', 'card.exp_year', 'card.extra', 'card.number']);
  const missing = cardBody(1);
  delete missing.card.cvc;
  assert.deepEqual(fieldsOf(() => validateCreatePayment(missing)), ['card.cvc']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment(upiBody(1, 'nope'))), ['upi.vpa']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment(null)), ['body']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment([])), ['body']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment('x')), ['body']);
});

test('payment_mode decides which of card / upi is required or allowed', () => {
  const { card, ...noCard } = cardBody(1);
  assert.deepEqual(fieldsOf(() => validateCreatePayment(noCard)), ['card']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...cardBody(1), upi: { vpa: 'a.b@upi' } })), ['upi']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...upiBody(1), upi: undefined })), ['upi']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ ...upiBody(1), card })), ['card']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ order_id: 1, amount: 1, currency: 'INR', payment_mode: 'COD', card })), ['card']);
  assert.deepEqual(fieldsOf(() => validateCreatePayment({ order_id: 1, amount: 1, currency: 'INR', payment_mode: 'COD', upi: { vpa: 'ab@upi' } })), ['upi']);
});

test('error messages never carry the values', () => {
  const c = cardBody(1, '4242424242424242');
  c.card.cvc = '98765';
  c.card.number = '4242424242424242x';
  try {
    validateCreatePayment(c);
    assert.fail('expected an error');
  } catch (err) {
    const text = JSON.stringify({ detail: err.detail, errors: err.errors });
    assert.ok(!text.includes('4242424242424242'));
    assert.ok(!text.includes('98765'));
  }
});

test('refund body and list query', () => {
  validateRefund({});
  validateRefund({ reason: 'customer asked' });
  assert.deepEqual(fieldsOf(() => validateRefund({ amount: 5 })), ['amount']);
  validateListPaymentsQuery({ order_id: '42' });
  assert.deepEqual(fieldsOf(() => validateListPaymentsQuery({})), ['order_id']);
  assert.deepEqual(fieldsOf(() => validateListPaymentsQuery({ order_id: ['1', '2'] })), ['order_id']);
  assert.deepEqual(fieldsOf(() => validateListPaymentsQuery({ order_id: '1', limit: '5' })), ['limit']);
});

test('canonical JSON sorts keys recursively', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }), '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  assert.equal(canonicalJson({ a: undefined, b: 'x' }), '{"b":"x"}');
  assert.equal(canonicalJson(undefined), 'null');
});
