// Every error code this service answers with, its HTTP status, and whether the caller may
// retry (the same request, with the same Idempotency-Key). The contract shared with the
// API is contracts/payments-errors.json (with the meaning of each code);
// test/error-codes.test.js keeps the two identical.
export const ERROR_CODES = Object.freeze({
  bad_request: { status: 400, retryable: false },
  malformed_json: { status: 400, retryable: false },
  idempotency_key_required: { status: 400, retryable: false },
  invalid_idempotency_key: { status: 400, retryable: false },
  invalid_signature: { status: 401, retryable: false },
  signature_replayed: { status: 401, retryable: false },
  not_found: { status: 404, retryable: false },
  payment_not_found: { status: 404, retryable: false },
  method_not_allowed: { status: 405, retryable: false },
  request_in_progress: { status: 409, retryable: true },
  payment_in_progress: { status: 409, retryable: true },
  order_already_paid: { status: 409, retryable: false },
  payment_not_refundable: { status: 409, retryable: false },
  payload_too_large: { status: 413, retryable: false },
  unsupported_media_type: { status: 415, retryable: false },
  validation_error: { status: 422, retryable: false },
  invalid_card: { status: 422, retryable: false },
  idempotency_key_reused: { status: 422, retryable: false },
  internal_error: { status: 500, retryable: true },
  processor_unavailable: { status: 503, retryable: true },
  store_unavailable: { status: 503, retryable: true },
  shutting_down: { status: 503, retryable: true },
});

/** The HTTP status of a code; throws for a code that is not in the catalogue. */
export function statusOf(code) {
  const entry = ERROR_CODES[code];
  if (!entry) throw new TypeError(`unknown error code ${JSON.stringify(code)}: add it to src/error-codes.js and contracts/payments-errors.json`);
  return entry.status;
}
