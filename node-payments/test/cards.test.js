// Unit tests: Luhn, brand detection, card validation, UPI VPA, the simulated processor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { luhnValid } from '../src/cards/luhn.js';
import { detectBrand } from '../src/cards/brand.js';
import { normalizePan, validateCard } from '../src/cards/card.js';
import { isValidVpa } from '../src/cards/upi.js';
import { createSimulatedProcessor } from '../src/processor.js';
import { PANS } from './support/harness.js';

test('luhn: known valid and invalid numbers', () => {
  for (const pan of Object.values(PANS)) assert.equal(luhnValid(pan), true, pan);
  assert.equal(luhnValid('79927398713'), true);
  assert.equal(luhnValid('79927398710'), false);
  assert.equal(luhnValid('4242424242424241'), false);
  assert.equal(luhnValid('0'), true);
  assert.equal(luhnValid(''), false);
  assert.equal(luhnValid('4242 4242 4242 4242'), false, 'digits only');
  assert.equal(luhnValid(4242424242424242), false, 'strings only');
});

test('brand detection', () => {
  const cases = {
    '4242424242424242': 'visa',
    '4000000000000002': 'visa',
    '5555555555554444': 'mastercard',
    '2223003122003222': 'mastercard',
    '378282246310005': 'amex',
    '371449635398431': 'amex',
    '6011111111111117': 'discover',
    '6445644564456445': 'discover',
    '6521500000000006': 'rupay',
    '6080010000000000': 'rupay',
    '5085000000000007': 'rupay',
    '8172000000000005': 'rupay',
    '3530111333300000': 'jcb',
    '36227206271667': 'diners',
    '9999999999999995': 'unknown',
  };
  for (const [pan, brand] of Object.entries(cases)) assert.equal(detectBrand(pan).brand, brand, pan);
  assert.equal(detectBrand('378282246310005').cvcLength, 4);
  assert.equal(detectBrand('4242424242424242').cvcLength, 3);
});

const now = new Date(Date.UTC(2026, 5, 15)); // 15 June 2026
const card = (over = {}) => ({ number: PANS.ok, exp_month: 12, exp_year: 2030, cvc: '123', ...over });

test('validateCard accepts good cards and returns brand and last4 only', () => {
  const ok = validateCard(card(), now);
  assert.equal(ok.ok, true);
  assert.equal(ok.brand, 'visa');
  assert.equal(ok.last4, '4242');
  assert.equal(validateCard(card({ number: '4242 4242 4242 4242' }), now).ok, true);
  assert.equal(validateCard(card({ number: '4242-4242-4242-4242' }), now).ok, true);
  assert.equal(validateCard(card({ number: PANS.amex, cvc: '1234' }), now).ok, true);
  assert.equal(validateCard(card({ number: '9999999999999995', cvc: '1234' }), now).ok, true, 'unknown brand: 3 or 4 digit CVC');
  assert.equal(normalizePan(' 4242 4242-4242 4242 '), '4242424242424242');
});

test('validateCard: Luhn failure names card.number without echoing it', () => {
  const res = validateCard(card({ number: '4242424242424241' }), now);
  assert.equal(res.ok, false);
  assert.deepEqual(res.errors.map((e) => e.field), ['card.number']);
  assert.ok(!JSON.stringify(res).includes('4242424242424241'));
});

test('validateCard: wrong length for the brand', () => {
  const res = validateCard(card({ number: '378282246310005' + '0', cvc: '1234' }), now);
  assert.equal(res.ok, false);
  assert.equal(res.errors[0].field, 'card.number');
});

test('validateCard: expiry is valid through the end of its month', () => {
  assert.equal(validateCard(card({ exp_month: 6, exp_year: 2026 }), now).ok, true, 'this month');
  const lastInstant = new Date(Date.UTC(2026, 6, 1) - 1);
  assert.equal(validateCard(card({ exp_month: 6, exp_year: 2026 }), lastInstant).ok, true, 'last millisecond of the month');
  const nextMonth = new Date(Date.UTC(2026, 6, 1));
  const res = validateCard(card({ exp_month: 6, exp_year: 2026 }), nextMonth);
  assert.equal(res.ok, false);
  assert.equal(res.errors[0].field, 'card.exp_month');
  const lastYear = validateCard(card({ exp_month: 12, exp_year: 2025 }), now);
  assert.equal(lastYear.errors[0].field, 'card.exp_year');
  assert.equal(validateCard(card({ exp_month: 12, exp_year: 2026 }), now).ok, true);
});

test('validateCard: CVC length by brand', () => {
  assert.equal(validateCard(card({ cvc: '1234' }), now).errors[0].field, 'card.cvc', 'visa takes 3');
  assert.equal(validateCard(card({ number: PANS.amex, cvc: '123' }), now).errors[0].field, 'card.cvc', 'amex takes 4');
  assert.equal(validateCard(card({ number: '9999999999999995', cvc: '12' }), now).errors[0].field, 'card.cvc');
});

test('UPI VPA format', () => {
  for (const vpa of ['asha@okhdfc', 'a.b-c_d@upi', 'fail@upi', '98765@ybl', `${'a'.repeat(256)}@bank`]) assert.equal(isValidVpa(vpa), true, vpa);
  for (const vpa of ['a@upi', 'asha@', '@upi', 'asha@ok1', 'as ha@upi', 'asha@@upi', `${'a'.repeat(257)}@bank`, 'a+b@upi', 7]) {
    assert.equal(isValidVpa(vpa), false, String(vpa));
  }
});

test('simulated processor: test cards and UPI outcomes are deterministic', async () => {
  const p = createSimulatedProcessor();
  const charge = (method) => p.charge({ payment_id: 'pay_x', amount: 1, currency: 'INR', method });
  assert.deepEqual(await charge({ type: 'card', pan: PANS.ok }), { status: 'succeeded' });
  assert.deepEqual(await charge({ type: 'card', pan: PANS.declined }), { status: 'declined', failure_code: 'card_declined' });
  assert.deepEqual(await charge({ type: 'card', pan: PANS.insufficient }), { status: 'declined', failure_code: 'insufficient_funds' });
  assert.deepEqual(await charge({ type: 'card', pan: PANS.expired }), { status: 'declined', failure_code: 'expired_card' });
  assert.deepEqual(await charge({ type: 'card', pan: PANS.cvc }), { status: 'declined', failure_code: 'incorrect_cvc' });
  assert.deepEqual(await charge({ type: 'card', pan: PANS.mastercard }), { status: 'succeeded' });
  assert.deepEqual(await charge({ type: 'upi', vpa: 'asha@okhdfc' }), { status: 'succeeded' });
  assert.deepEqual(await charge({ type: 'upi', vpa: 'fail@upi' }), { status: 'declined', failure_code: 'upi_declined' });
});

test('simulated processor: latency goes through the injected sleep', async () => {
  const slept = [];
  const p = createSimulatedProcessor({ latencyMs: 250, sleep: async (ms) => slept.push(ms) });
  await p.charge({ payment_id: 'pay_x', amount: 1, currency: 'INR', method: { type: 'card', pan: PANS.ok } });
  assert.deepEqual(slept, [250]);
});
