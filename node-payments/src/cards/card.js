// Validation of card data beyond its JSON shape. Never echoes the number or the CVC.
import { luhnValid } from './luhn.js';
import { detectBrand } from './brand.js';

/** Strip the separators people type (spaces, dashes). */
export function normalizePan(number) {
  return String(number).replace(/[\s-]/g, '');
}

/**
 * Check a card's number, expiry and CVC.
 * @param {{number: string, exp_month: number, exp_year: number, cvc: string}} card
 * @param {Date} now
 * @returns {{ok: true, pan: string, brand: string, last4: string} | {ok: false, errors: Array<{field: string, message: string}>}}
 */
export function validateCard(card, now) {
  const errors = [];
  const pan = normalizePan(card.number);
  const { brand, lengths, cvcLength } = detectBrand(pan);

  if (!/^\d{12,19}$/.test(pan)) {
    errors.push({ field: 'card.number', message: 'must be 12 to 19 digits' });
  } else if (!luhnValid(pan)) {
    errors.push({ field: 'card.number', message: 'is not a valid card number (checksum failed)' });
  } else if (lengths && !lengths.includes(pan.length)) {
    errors.push({ field: 'card.number', message: `has the wrong length for a ${brand} card` });
  }

  // A card is valid through the last day of its expiry month (UTC).
  const endOfExpiryMonth = Date.UTC(card.exp_year, card.exp_month, 1); // first instant of the next month
  if (!(now.getTime() < endOfExpiryMonth)) {
    const field = card.exp_year === now.getUTCFullYear() ? 'card.exp_month' : 'card.exp_year';
    errors.push({ field, message: 'the card has expired (exp_month/exp_year is in the past)' });
  }

  const cvc = String(card.cvc);
  if (cvcLength !== null && cvc.length !== cvcLength) {
    errors.push({ field: 'card.cvc', message: `must be ${cvcLength} digits for a ${brand} card` });
  } else if (!/^\d{3,4}$/.test(cvc)) {
    errors.push({ field: 'card.cvc', message: 'must be 3 or 4 digits' });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, pan, brand, last4: pan.slice(-4) };
}
