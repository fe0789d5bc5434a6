// Secret values published in this repository (tests, benchmarks, examples, test vectors):
// anyone can read them, so production refuses them. test/config.test.js scans the
// repository (deploy/*.example, contracts/, the tests and benchmarks) and fails when a
// secret published there is neither in this list nor refused as a placeholder.
export const PUBLISHED_SECRETS = Object.freeze(
  new Set([
    'test-secret-0123456789abcdef0123456789abcdef', // node-payments/test/support/harness.js
    'card-fingerprint-key-for-tests-0123456789abcdef', // node-payments/test/support/harness.js
    'benchmark-secret-0123456789abcdef0123456789abcdef', // benchmarks/payments.py
    'test-secret-for-the-payments-contract', // tests/payments/conftest.py
    'integration-secret-for-the-payments-service', // tests/integration/test_real_payments.py
    'test-payments-secret', // services/api/settings.py (FOOD_ENV=test)
    'whsec_test_secret', // contracts/payments-signing-vectors.json, README
    'whsec_test_vector', // contracts/payments-signing-vectors.json
  ]),
);

// Words that mark a value as a placeholder someone forgot to replace.
export const PLACEHOLDER_PATTERN = /change[\s_-]?me|example|placeholder|replace[\s_-]?(me|this)|your[\s_-]|dummy|sample|<[^>]*>/i;
