// Configuration from environment variables (twelve-factor). Pure: takes an env object.
import { ConfigError } from './errors.js';
import { PLACEHOLDER_PATTERN, PUBLISHED_SECRETS } from './published-secrets.js';

export const MIN_SECRET_BYTES = 32;

const FAULT_MODES = new Set(['before', 'after', 'crash']);

function intVar(env, name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function floatVar(env, name, fallback, { min, max }) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * In production a secret must be at least 32 bytes, not a placeholder and not a value
 * published in the repository. The error names the variable, never the value.
 */
function checkProductionSecret(name, value) {
  const where = `${name} (NODE_ENV=production)`;
  if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) {
    throw new ConfigError(`${where} must be at least ${MIN_SECRET_BYTES} bytes of random data, got ${Buffer.byteLength(value, 'utf8')}`);
  }
  if (PLACEHOLDER_PATTERN.test(value)) {
    throw new ConfigError(`${where} is still a placeholder (it looks like CHANGE_ME/example text); set a random secret`);
  }
  if (PUBLISHED_SECRETS.has(value)) {
    throw new ConfigError(`${where} is a value published in the repository (a test or example secret); set a random secret`);
  }
}

/** The password inside a mongodb:// URL, if there is one. */
function urlPassword(url) {
  const m = /^mongodb(?:\+srv)?:\/\/[^/@]*?:([^/@]*)@/.exec(url);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/**
 * Read and validate the configuration.
 * @param {Record<string, string|undefined>} env
 * @throws {ConfigError} when a required variable is missing or a value is invalid
 */
export function loadConfig(env = process.env) {
  const production = (env.NODE_ENV ?? '').trim() === 'production';
  const hmacSecret = env.PAYMENTS_HMAC_SECRET ?? '';
  if (hmacSecret.length === 0) {
    throw new ConfigError('PAYMENTS_HMAC_SECRET is required (the shared secret used to sign /v1 requests); refusing to start');
  }
  if (production) checkProductionSecret('PAYMENTS_HMAC_SECRET', hmacSecret);

  // The card fingerprint key is the payments service's alone: never derived from the
  // signing secret (which the API holds too). Without it no card fingerprint is stored.
  const cardKeyText = env.PAYMENTS_CARD_FINGERPRINT_KEY ?? '';
  let cardFingerprintKey = null;
  if (cardKeyText !== '') {
    if (production) checkProductionSecret('PAYMENTS_CARD_FINGERPRINT_KEY', cardKeyText);
    if (cardKeyText === hmacSecret) {
      throw new ConfigError('PAYMENTS_CARD_FINGERPRINT_KEY must differ from PAYMENTS_HMAC_SECRET (the API holds the signing secret)');
    }
    cardFingerprintKey = Buffer.from(cardKeyText, 'utf8');
  }

  const storeKind = (env.PAYMENTS_STORE ?? '').trim().toLowerCase();
  const mongoUrl = (env.PAYMENTS_MONGODB_URL ?? '').trim();
  let store;
  if (storeKind === 'memory') {
    store = { kind: 'memory' };
  } else if (storeKind === '' || storeKind === 'mongodb') {
    if (mongoUrl === '') {
      throw new ConfigError(
        'PAYMENTS_MONGODB_URL is required; set PAYMENTS_STORE=memory explicitly to use the in-memory store (tests only, data is lost on exit)',
      );
    }
    if (!/^mongodb(\+srv)?:\/\//.test(mongoUrl)) {
      throw new ConfigError('PAYMENTS_MONGODB_URL must start with mongodb:// or mongodb+srv://');
    }
    const password = urlPassword(mongoUrl);
    if (production && password !== null) {
      // Length is not enforced here (managed databases generate their own passwords).
      if (PLACEHOLDER_PATTERN.test(password) || PUBLISHED_SECRETS.has(password)) {
        throw new ConfigError('PAYMENTS_MONGODB_URL (NODE_ENV=production) has a placeholder or published password; set the real one');
      }
    }
    store = {
      kind: 'mongodb',
      url: mongoUrl,
      database: (env.PAYMENTS_MONGODB_DB ?? '').trim() || 'payments',
      maxPoolSize: intVar(env, 'PAYMENTS_MONGODB_POOL_SIZE', 10, { min: 1, max: 1000 }),
    };
  } else {
    throw new ConfigError(`PAYMENTS_STORE must be "mongodb" or "memory", got ${JSON.stringify(env.PAYMENTS_STORE)}`);
  }

  const faultMode = (env.PAYMENTS_FAULT_MODE ?? 'before').trim().toLowerCase();
  if (!FAULT_MODES.has(faultMode)) {
    throw new ConfigError(`PAYMENTS_FAULT_MODE must be one of ${[...FAULT_MODES].join(', ')}, got ${JSON.stringify(env.PAYMENTS_FAULT_MODE)}`);
  }

  const latencyMs = intVar(env, 'PAYMENTS_LATENCY_MS', 0, { max: 600_000 });
  const leaseMs = intVar(env, 'PAYMENTS_LEASE_MS', 30_000, { min: 1 });
  if (leaseMs <= latencyMs) {
    throw new ConfigError(`PAYMENTS_LEASE_MS (${leaseMs}) must be larger than PAYMENTS_LATENCY_MS (${latencyMs})`);
  }

  return {
    port: intVar(env, 'PAYMENTS_PORT', 8090, { max: 65535 }),
    host: (env.PAYMENTS_HOST ?? '').trim() || '127.0.0.1',
    production,
    hmacSecret,
    cardFingerprintKey,
    store,
    signatureToleranceSec: 300,
    processor: {
      latencyMs,
      faultRate: floatVar(env, 'PAYMENTS_FAULT_RATE', 0, { min: 0, max: 1 }),
      faultMode,
    },
    leaseMs,
    idempotencyTtlMs: intVar(env, 'PAYMENTS_IDEMPOTENCY_TTL_HOURS', 24, { min: 24, max: 24 * 365 }) * 3_600_000,
    shutdownTimeoutMs: intVar(env, 'PAYMENTS_SHUTDOWN_TIMEOUT_MS', 15_000, { min: 1 }),
    logLevel: (env.PAYMENTS_LOG_LEVEL ?? 'info').trim().toLowerCase(),
  };
}
