// Test harness: start the app on 127.0.0.1:0 and talk to it over real HTTP with fetch.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { signatureHeader } from '../../src/signing.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
export const TEST_CARD_FINGERPRINT_KEY = 'card-fingerprint-key-for-tests-0123456789abcdef';

/** A fresh nonce for a signature (what every client must send). */
export const newNonce = () => randomBytes(16).toString('base64url');

export function testConfig(env = {}) {
  return loadConfig({ PAYMENTS_HMAC_SECRET: TEST_SECRET, PAYMENTS_STORE: 'memory', ...env });
}

/** A clock the test moves by hand. Starts at the real time so cards' expiry dates behave. */
export function fakeClock(start = Date.now()) {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
  };
}

/** A processor wrapper whose charges (the first `limit` of them) wait until the test opens the gate. */
export function gatedProcessor(inner, { limit = Infinity } = {}) {
  let open;
  let opened = new Promise((resolve) => {
    open = resolve;
  });
  const entered = [];
  const waiters = [];
  return {
    entered,
    async charge(request) {
      entered.push(request.payment_id);
      for (const w of waiters.splice(0)) w();
      if (entered.length <= limit) await opened;
      return inner.charge(request);
    },
    /** Resolves once `n` charges have started. */
    async waitForEntered(n = 1) {
      while (entered.length < n) await new Promise((resolve) => waiters.push(resolve));
    },
    open() {
      open();
    },
    reset() {
      opened = new Promise((resolve) => {
        open = resolve;
      });
    },
  };
}

/**
 * Start an app. Returns helpers to send signed requests.
 * @param {{store?: object, clock?: object, processor?: object, faults?: object, env?: object, ids?: object}} [options]
 */
export async function startTestServer({ store = createMemoryStore(), clock, processor, faults, env = {}, ids } = {}) {
  const config = testConfig(env);
  const logs = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  await store.init();
  const built = createApp({ config, store, logger, metrics: createMetrics({ collectDefault: false }), clock, processor, faults, ids });
  const server = http.createServer(built.app);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const nowSec = () => Math.floor((clock ? clock.now() : Date.now()) / 1000);

  /**
   * Send a request, signed unless `sign: false`.
   * @param {string} method
   * @param {string} path
   * @param {{body?: unknown, raw?: string|Buffer, key?: string, headers?: object, sign?: boolean, t?: number, secret?: string,
   *   nonce?: string, signedKey?: string}} [opts]
   *   signedKey: the Idempotency-Key the signature covers, when it is not the one sent (tampering tests)
   */
  async function request(method, path, opts = {}) {
    const raw = opts.raw !== undefined ? opts.raw : opts.body !== undefined ? JSON.stringify(opts.body) : '';
    const headers = {};
    if (raw.length > 0) headers['content-type'] = 'application/json';
    if (opts.key !== undefined) headers['idempotency-key'] = opts.key;
    if (opts.sign !== false) {
      headers['x-payments-signature'] = signatureHeader(opts.secret ?? TEST_SECRET, {
        t: opts.t ?? nowSec(),
        nonce: opts.nonce ?? newNonce(),
        method,
        pathAndQuery: path,
        idempotencyKey: opts.signedKey ?? opts.key ?? '',
        rawBody: raw,
      });
    }
    Object.assign(headers, opts.headers ?? {});
    const res = await fetch(baseUrl + path, { method, headers, body: raw.length > 0 ? raw : undefined });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, body: json, text, sent: headers };
  }

  /** Send exactly the headers and body of an earlier request again (a captured request). */
  async function resend(method, path, sent, raw) {
    const res = await fetch(baseUrl + path, { method, headers: sent, body: raw && raw.length > 0 ? raw : undefined });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, body: json, text };
  }

  return {
    baseUrl,
    store,
    config,
    logs,
    request,
    resend,
    metrics: built.metrics,
    service: built.service,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

/** Card numbers used by tests (and searched for in the leak test). */
export const PANS = {
  ok: '4242424242424242',
  declined: '4000000000000002',
  insufficient: '4000000000009995',
  expired: '4000000000000069',
  cvc: '4000000000000127',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  rupay: '6521500000000006',
  discover: '6011111111111117',
};

export function cardBody(orderId, number = PANS.ok, extra = {}) {
  const cvc = number.startsWith('34') || number.startsWith('37') ? '7391' : '739';
  return {
    order_id: orderId,
    amount: 49_900,
    currency: 'INR',
    payment_mode: 'CARD',
    card: { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, cvc, name: 'Asha Rao' },
    ...extra,
  };
}

export function upiBody(orderId, vpa = 'asha@okhdfc') {
  return { order_id: orderId, amount: 25_000, currency: 'INR', payment_mode: 'UPI', upi: { vpa } };
}

let counter = 0;
/** A unique idempotency key / order id per call. */
export const uniqueKey = (prefix = 'key') => `${prefix}-${process.pid}-${Date.now()}-${(counter += 1)}`;
export const uniqueOrderId = () => 1_000_000 + Math.floor(Math.random() * 1e9) + (counter += 1);
