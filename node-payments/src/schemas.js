// JSON Schemas for request bodies and query strings.
import { VPA_PATTERN } from './cards/upi.js';

const MAX_ID = Number.MAX_SAFE_INTEGER; // 2^53 - 1: JavaScript reads it exactly

export const orderIdSchema = {
  oneOf: [
    { type: 'integer', minimum: 1, maximum: MAX_ID },
    { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
  ],
};

export const cardSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['number', 'exp_month', 'exp_year', 'cvc'],
  properties: {
    number: { type: 'string', minLength: 12, maxLength: 23, pattern: '^[0-9][0-9 -]*[0-9]$' },
    exp_month: { type: 'integer', minimum: 1, maximum: 12 },
    exp_year: { type: 'integer', minimum: 2000, maximum: 2100 },
    cvc: { type: 'string', pattern: '^[0-9]{3,4}$' },
    name: { type: 'string', minLength: 1, maxLength: 128 },
  },
};

export const upiSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['vpa'],
  properties: {
    vpa: { type: 'string', maxLength: 321, pattern: VPA_PATTERN },
  },
};

export const createPaymentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['order_id', 'amount', 'currency', 'payment_mode'],
  properties: {
    order_id: orderIdSchema,
    amount: { type: 'integer', minimum: 1, maximum: MAX_ID },
    currency: { type: 'string', enum: ['INR'] },
    payment_mode: { type: 'string', enum: ['CARD', 'UPI', 'COD'] },
    card: cardSchema,
    upi: upiSchema,
    // The caller's own reference for this attempt (the API sends its payment id), echoed back.
    merchant_reference: {
      oneOf: [{ type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }, { type: 'null' }],
    },
  },
};

export const refundSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reason: { type: 'string', maxLength: 256 },
  },
};

export const listPaymentsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['order_id'],
  properties: {
    order_id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
  },
};
