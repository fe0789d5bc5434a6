// Errors that carry an HTTP problem (RFC 9457) description.
// Messages here are sent to clients and logged: they must never contain card data.
import { statusOf } from './error-codes.js';

export class HttpError extends Error {
  /**
   * @param {string} code machine-readable code, one of src/error-codes.js (which gives the status)
   * @param {string} detail human-readable explanation (no secrets, no card data)
   * @param {{title?: string, errors?: Array<{field: string, message: string}>, headers?: Record<string,string>, final?: boolean}} [extra]
   *   final: the answer is definitive for this request, so an idempotency key stores it and replays it.
   */
  constructor(code, detail, extra = {}) {
    super(detail);
    this.name = 'HttpError';
    this.status = statusOf(code);
    this.code = code;
    this.detail = detail;
    this.title = extra.title;
    this.errors = extra.errors;
    this.headers = extra.headers;
    this.final = extra.final === true;
  }
}

/** The processor could not be reached; nothing was charged. */
export class ProcessorUnavailableError extends Error {
  constructor(message = 'the payment processor is unavailable') {
    super(message);
    this.name = 'ProcessorUnavailableError';
  }
}

/** Raised by fault injection to simulate a crash in the middle of a payment. */
export class SimulatedCrashError extends Error {
  constructor() {
    super('simulated crash while processing the payment');
    this.name = 'SimulatedCrashError';
  }
}

/** Configuration is missing or invalid; the process must not start. */
export class ConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}
