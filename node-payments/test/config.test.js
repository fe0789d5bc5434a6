// Unit tests: configuration from the environment, and production's refusal of weak,
// placeholder or published secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const base = { PAYMENTS_HMAC_SECRET: 's3cret', PAYMENTS_MONGODB_URL: 'mongodb://127.0.0.1:27017/' };
const random = () => randomBytes(32).toString('base64url'); // 43 characters
const production = () => ({
  NODE_ENV: 'production',
  PAYMENTS_HMAC_SECRET: random(),
  PAYMENTS_CARD_FINGERPRINT_KEY: random(),
  PAYMENTS_MONGODB_URL: 'mongodb://payments:s9dK2pQ7xW4zR1vN@mongo:27017/payments?replicaSet=rs0',
});
const refuses = (env, variable, why) =>
  assert.throws(
    () => loadConfig(env),
    (e) => e instanceof ConfigError && e.message.startsWith(variable) && why.test(e.message),
    `${variable}: ${why}`,
  );

test('defaults', () => {
  const c = loadConfig(base);
  assert.equal(c.production, false);
  assert.equal(c.port, 8090);
  assert.equal(c.host, '127.0.0.1');
  assert.deepEqual(c.store, { kind: 'mongodb', url: 'mongodb://127.0.0.1:27017/', database: 'payments', maxPoolSize: 10 });
  assert.equal(c.processor.latencyMs, 0);
  assert.equal(c.processor.faultRate, 0);
  assert.equal(c.processor.faultMode, 'before');
  assert.equal(c.leaseMs, 30_000);
  assert.equal(c.idempotencyTtlMs, 24 * 3_600_000);
  assert.equal(c.signatureToleranceSec, 300);
  assert.equal(c.cardFingerprintKey, null, 'no card fingerprint key unless one is given: never derived from the signing secret');
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
    PAYMENTS_MONGODB_POOL_SIZE: '4',
  });
  assert.equal(c.store.maxPoolSize, 4);
  assert.equal(c.port, 9000);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.processor.latencyMs, 250);
  assert.equal(c.processor.faultRate, 0.25);
  assert.equal(c.processor.faultMode, 'crash');
  assert.equal(c.leaseMs, 5000);
  assert.deepEqual(c.cardFingerprintKey, Buffer.from('another key'));
  for (const bad of [
    { PAYMENTS_PORT: 'abc' },
    { PAYMENTS_PORT: '70000' },
    { PAYMENTS_FAULT_RATE: '1.5' },
    { PAYMENTS_FAULT_RATE: 'x' },
    { PAYMENTS_FAULT_MODE: 'sometimes' },
    { PAYMENTS_LATENCY_MS: '-1' },
    { PAYMENTS_LATENCY_MS: '40000' }, // not below the default lease
    { PAYMENTS_IDEMPOTENCY_TTL_HOURS: '1' }, // keys are kept at least 24 h
    { PAYMENTS_MONGODB_POOL_SIZE: '0' },
  ]) {
    assert.throws(() => loadConfig({ ...base, ...bad }), ConfigError, JSON.stringify(bad));
  }
});

test('the card fingerprint key must not be the signing secret (the API holds that one)', () => {
  refuses({ ...base, PAYMENTS_CARD_FINGERPRINT_KEY: base.PAYMENTS_HMAC_SECRET }, 'PAYMENTS_CARD_FINGERPRINT_KEY', /must differ from PAYMENTS_HMAC_SECRET/);
});

test('production starts with long random secrets', () => {
  const c = loadConfig(production());
  assert.equal(c.production, true);
  assert.equal(c.cardFingerprintKey.length, 43);
  const noCardKey = production();
  delete noCardKey.PAYMENTS_CARD_FINGERPRINT_KEY;
  assert.equal(loadConfig(noCardKey).cardFingerprintKey, null, 'then no card fingerprint is kept');
  assert.equal(loadConfig({ ...production(), PAYMENTS_MONGODB_URL: 'mongodb+srv://cluster0.mongodb.net/payments' }).production, true, 'a URL without a password');
});

test('production refuses short secrets, naming the variable', () => {
  refuses({ ...production(), PAYMENTS_HMAC_SECRET: 'x' }, 'PAYMENTS_HMAC_SECRET', /at least 32 bytes.*got 1$/);
  refuses({ ...production(), PAYMENTS_HMAC_SECRET: 'a'.repeat(31) }, 'PAYMENTS_HMAC_SECRET', /at least 32 bytes/);
  refuses({ ...production(), PAYMENTS_CARD_FINGERPRINT_KEY: random().slice(0, 20) }, 'PAYMENTS_CARD_FINGERPRINT_KEY', /at least 32 bytes/);
  assert.equal(loadConfig({ ...base, PAYMENTS_HMAC_SECRET: 'x' }).production, false, 'outside production a short secret only warns');
});

test('production refuses placeholders, naming the variable and not echoing the value', () => {
  for (const value of [
    'CHANGE_ME_payments_hmac_secret_at_least_32_bytes',
    'changeme-changeme-changeme-changeme-changeme',
    'this-is-an-example-secret-of-more-than-32-bytes',
    `replace-me-${random()}`,
    `your-secret-here-${random()}`,
    `<paste a random secret of at least 32 bytes>`,
  ]) {
    assert.throws(
      () => loadConfig({ ...production(), PAYMENTS_HMAC_SECRET: value }),
      (e) => e instanceof ConfigError && /^PAYMENTS_HMAC_SECRET .*placeholder/.test(e.message) && !e.message.includes(value),
      value,
    );
    refuses({ ...production(), PAYMENTS_CARD_FINGERPRINT_KEY: value }, 'PAYMENTS_CARD_FINGERPRINT_KEY', /placeholder/);
  }
  refuses({ ...production(), PAYMENTS_MONGODB_URL: 'mongodb://payments:CHANGE_ME_password@mongo:27017/payments' }, 'PAYMENTS_MONGODB_URL', /placeholder or published password/);
});

// ---- every secret published in the repository is refused in production ----

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Secret-looking values published in the repository, with where each was found. */
function publishedSecrets() {
  const found = [];
  const deploy = path.join(REPO, 'deploy');
  for (const name of readdirSync(deploy, { withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.example'))) {
    for (const line of readFileSync(path.join(deploy, name.name), 'utf8').split('\n')) {
      const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m || !/SECRET|KEY|PASSWORD/.test(m[1])) continue;
      for (const part of m[2].split(',')) {
        const value = part.includes(':') && m[1] === 'FOOD_TOKEN_KEYS' ? part.slice(part.indexOf(':') + 1) : part;
        if (value) found.push({ value, where: `deploy/${name.name} ${m[1]}` });
      }
    }
  }
  const vectors = JSON.parse(readFileSync(path.join(REPO, 'contracts', 'payments-signing-vectors.json'), 'utf8'));
  for (const v of vectors.vectors) found.push({ value: v.secret, where: `contracts/payments-signing-vectors.json ${v.name}` });
  // Constants named like secrets in the tests and benchmarks of both languages.
  const files = [
    'node-payments/test/support/harness.js',
    'tests/payments/conftest.py',
    'tests/integration/test_real_payments.py',
    'benchmarks/payments.py',
    'services/api/settings.py',
  ];
  for (const file of files) {
    const text = readFileSync(path.join(REPO, file), 'utf8');
    for (const m of text.matchAll(/(?:SECRET|_KEY|secret)["']?\s*[:=]\s*["']([^"'\n]{8,})["']/g)) {
      found.push({ value: m[1], where: file });
    }
  }
  return found;
}

test('production refuses every secret published in the repository (deploy/*.example, contracts, tests, benchmarks)', () => {
  const found = publishedSecrets();
  assert.ok(found.length >= 10, `the scan finds the published secrets (${found.length})`);
  assert.ok(found.some((f) => f.where.startsWith('deploy/payments.env.example')), 'deploy/payments.env.example is scanned');
  assert.ok(found.some((f) => f.where.startsWith('deploy/api.env.example')), 'deploy/api.env.example is scanned');
  for (const { value, where } of found) {
    for (const variable of ['PAYMENTS_HMAC_SECRET', 'PAYMENTS_CARD_FINGERPRINT_KEY']) {
      const env = { ...production(), [variable]: value };
      assert.throws(() => loadConfig(env), (e) => e instanceof ConfigError && e.message.startsWith(variable), `${variable} = the value of ${where}`);
    }
  }
});

test('a published secret of production length is refused as published (not only for its length)', () => {
  refuses({ ...production(), PAYMENTS_HMAC_SECRET: 'benchmark-secret-0123456789abcdef0123456789abcdef' }, 'PAYMENTS_HMAC_SECRET', /published in the repository/);
  refuses({ ...production(), PAYMENTS_HMAC_SECRET: 'test-secret-0123456789abcdef0123456789abcdef' }, 'PAYMENTS_HMAC_SECRET', /published in the repository/);
});
