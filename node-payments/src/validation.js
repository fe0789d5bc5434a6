// JSON Schema validation (ajv) with errors mapped to {field, message}.
import Ajv from 'ajv';
import { HttpError } from './errors.js';
import { createPaymentSchema, refundSchema, listPaymentsQuerySchema } from './schemas.js';

const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: false });

const validators = {
  createPayment: ajv.compile(createPaymentSchema),
  refund: ajv.compile(refundSchema),
  listPaymentsQuery: ajv.compile(listPaymentsQuerySchema),
};

/** "/card/number" -> "card.number" */
function pointerToField(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(base, name) {
  return base ? `${base}.${name}` : name;
}

/** Map ajv errors to one {field, message} per field (first message wins). Never includes values. */
export function mapAjvErrors(errors, root = 'body') {
  const out = [];
  const seen = new Set();
  // oneOf reports each branch; keep only the summary for that field.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    let field = pointerToField(e.instancePath);
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      field = join(field, e.params.missingProperty);
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      field = join(field, e.params.additionalProperty);
      message = 'is not an allowed field';
    } else if (e.keyword === 'oneOf') {
      message = 'has the wrong type or format';
    } else if (oneOfPaths.has(e.instancePath)) {
      continue;
    } else if (e.keyword === 'enum') {
      message = `must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (e.keyword === 'type') {
      message = `must be of type ${e.params.type}`;
    } else if (e.keyword === 'pattern') {
      message = 'has an invalid format';
    }
    if (field === '') field = root;
    const key = `${field}\u0000${message}`;
    if (seen.has(field) || seen.has(key)) continue;
    seen.add(field);
    seen.add(key);
    out.push({ field, message });
  }
  return out;
}

function check(name, data, root) {
  const validate = validators[name];
  if (validate(data)) return data;
  const errors = mapAjvErrors(validate.errors ?? [], root);
  throw new HttpError('validation_error', `invalid ${root}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, {
    title: 'Unprocessable Content',
    errors,
  });
}

/** Validate a create-payment body: the schema plus the rules between fields. */
export function validateCreatePayment(body) {
  check('createPayment', body, 'body');
  const errors = [];
  const mode = body.payment_mode;
  if (mode === 'CARD') {
    if (body.card === undefined) errors.push({ field: 'card', message: 'is required when payment_mode is CARD' });
    if (body.upi !== undefined) errors.push({ field: 'upi', message: 'is not allowed when payment_mode is CARD' });
  } else if (mode === 'UPI') {
    if (body.upi === undefined) errors.push({ field: 'upi', message: 'is required when payment_mode is UPI' });
    if (body.card !== undefined) errors.push({ field: 'card', message: 'is not allowed when payment_mode is UPI' });
  } else if (mode === 'COD') {
    if (body.card !== undefined) errors.push({ field: 'card', message: 'is not allowed when payment_mode is COD' });
    if (body.upi !== undefined) errors.push({ field: 'upi', message: 'is not allowed when payment_mode is COD' });
  }
  if (errors.length > 0) {
    throw new HttpError('validation_error', `invalid body: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, {
      title: 'Unprocessable Content',
      errors,
    });
  }
  return body;
}

export function validateRefund(body) {
  return check('refund', body, 'body');
}

export function validateListPaymentsQuery(query) {
  return check('listPaymentsQuery', query, 'query');
}
