// Unit tests: configuration from the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.js';
import { deriveFingerprintKey } from '../src/crypto-keys.js';
import { ConfigError } from '../src/errors.js';

const base = { PAYMENTS_HMAC_SECRET: 's3cret', PAYMENTS_MONGODB_URL: 'mongodb://127.0.0.1:27017/' };

test('defaults', () => {
  const c = loadConfig(base);
  assert.equal(c.port, 8090);
  assert.equal(c.host, '127.0.0.1');
  assert.deepEqual(c.store, { kind: 'mongodb', url: 'mongodb://127.0.0.1:27017/', database: 'payments' });
  assert.equal(c.processor.latencyMs, 0);
  assert.equal(c.processor.faultRate, 0);
  assert.equal(c.processor.faultMode, 'before');
  assert.equal(c.leaseMs, 30_000);
  assert.equal(c.idempotencyTtlMs, 24 * 3_600_000);
  assert.equal(c.signatureToleranceSec, 300);
  assert.deepEqual(c.fingerprintKey, deriveFingerprintKey('s3cret'));
  assert.equal(c.fingerprintKey.length, 32);
});

test('the HMAC secret is required', () => {
  assert.throws(() => loadConfig({ PAYMENTS_MONGODB_URL: base.PAYMENTS_MONGODB_URL }), (e) => e instanceof ConfigError && /PAYMENTS_HMAC_SECRET/.test(e.message));
  assert.throws(() => loadConfig({ ...base, PAYMENTS_HMAC_SECRET: '' }), ConfigError);
});

test('no MongoDB URL: refuse unless PAYMENTS_STORE=memory', () => {
  assert.throws(() => loadConfig({ PAYMENTS_HMAC_SECRET: 'x' }), (e) => e instanceof ConfigError && /PAYMENTS_STORE=memory/.test(e.message));
  assert.deepEqual(loadConfig({ PAYMENTS_HMAC_SECRET: 'x', PAYMENTS_STORE: 'memory' }).store, { kind: 'memory' });
  assert.throws(() => loadConfig({ ...base, PAYMENTS_STORE: 'redis' }), ConfigError);
  assert.throws(() => loadConfig({ ...base, PAYMENTS_MONGODB_URL: 'postgres://x' }), ConfigError);
  assert.equal(loadConfig({ ...base, PAYMENTS_MONGODB_DB: 'pay2' }).store.database, 'pay2');
});

test('overrides and validation', () => {
  const c = loadConfig({
    ...base,
    PAYMENTS_PORT: '9000',
    PAYMENTS_HOST: '0.0.0.0',
    PAYMENTS_LATENCY_MS: '250',
    PAYMENTS_FAULT_RATE: '0.25',
    PAYMENTS_FAULT_MODE: 'crash',
    PAYMENTS_LEASE_MS: '5000',
    PAYMENTS_CARD_FINGERPRINT_KEY: 'another key',
  });
  assert.equal(c.port, 9000);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.processor.latencyMs, 250);
  assert.equal(c.processor.faultRate, 0.25);
  assert.equal(c.processor.faultMode, 'crash');
  assert.equal(c.leaseMs, 5000);
  assert.deepEqual(c.fingerprintKey, Buffer.from('another key'));
  for (const bad of [
    { PAYMENTS_PORT: 'abc' },
    { PAYMENTS_PORT: '70000' },
    { PAYMENTS_FAULT_RATE: '1.5' },
    { PAYMENTS_FAULT_RATE: 'x' },
    { PAYMENTS_FAULT_MODE: 'sometimes' },
    { PAYMENTS_LATENCY_MS: '-1' },
    { PAYMENTS_LATENCY_MS: '40000' }, // not below the default lease
    { PAYMENTS_IDEMPOTENCY_TTL_HOURS: '1' }, // keys are kept at least 24 h
  ]) {
    assert.throws(() => loadConfig({ ...base, ...bad }), ConfigError, JSON.stringify(bad));
  }
});
