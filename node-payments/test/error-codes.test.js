// The error codes the service answers with are exactly the ones in the contract shared
// with the API (contracts/payments-errors.json), with the same status and retryability,
// and no code is used in src/ that the catalogue does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, statusOf } from '../src/error-codes.js';
import { HttpError } from '../src/errors.js';
import { createMemoryStore } from '../src/store/memory.js';
import { cardBody, gatedProcessor, startTestServer, uniqueKey, uniqueOrderId } from './support/harness.js';
import { createSimulatedProcessor } from '../src/processor.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONTRACT = JSON.parse(readFileSync(path.join(HERE, '..', '..', 'contracts', 'payments-errors.json'), 'utf8'));

test('the catalogue and the shared contract list the same codes, statuses and retryability', () => {
  const contract = Object.fromEntries(CONTRACT.errors.map((e) => [e.code, { status: e.status, retryable: e.retryable }]));
  assert.deepEqual(contract, { ...ERROR_CODES });
  assert.equal(new Set(CONTRACT.errors.map((e) => e.code)).size, CONTRACT.errors.length, 'no code twice');
  for (const e of CONTRACT.errors) {
    assert.match(e.code, /^[a-z]+(_[a-z]+)*$/);
    assert.ok(e.meaning.length > 10, `${e.code} says what it means`);
    if (e.status >= 500) assert.equal(e.retryable, true, `${e.code}: a 5xx is always worth another attempt with the same key`);
  }
});

test('an HttpError takes its status from the catalogue; an unknown code is a programming error', () => {
  assert.equal(new HttpError('payment_in_progress', 'x').status, 409);
  assert.equal(statusOf('store_unavailable'), 503);
  assert.throws(() => new HttpError('no_such_code', 'x'), /unknown error code "no_such_code"/);
});

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : d.name.endsWith('.js') ? [path.join(dir, d.name)] : [],
  );
}

test('every code used in src/ is in the catalogue (also on paths no test reaches)', () => {
  const used = new Set();
  for (const file of sourceFiles(path.join(HERE, '..', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new HttpError\(\s*'([a-z_]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/statusOf\('([a-z_]+)'\)/g)) used.add(m[1]);
    assert.doesNotMatch(text.replace(/^\s*\/\/.*$/gm, ''), /new HttpError\(\s*\d/, `${path.basename(file)}: a status is never written by hand`);
  }
  for (const code of used) assert.ok(code in ERROR_CODES, code);
  const unused = Object.keys(ERROR_CODES).filter((c) => !used.has(c));
  assert.deepEqual(unused, [], 'the catalogue lists no code the service never sends');
});

test('payment_in_progress over HTTP: 409, retryable with Retry-After, and the key stays free for that retry', async () => {
  const gate = gatedProcessor(createSimulatedProcessor(), { limit: 1 });
  const srv = await startTestServer({ store: createMemoryStore(), processor: gate });
  try {
    const orderId = uniqueOrderId();
    const first = srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(orderId) });
    await gate.waitForEntered(1);
    const key = uniqueKey();
    const busy = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
    assert.equal(busy.status, ERROR_CODES.payment_in_progress.status);
    assert.equal(busy.body.code, 'payment_in_progress');
    assert.ok(Number(busy.headers.get('retry-after')) >= 1);
    gate.open();
    assert.equal((await first).body.payment_status, 'SUCCEEDED');
    const retried = await srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) });
    assert.equal(retried.body.code, 'order_already_paid', 'the same key was free to be retried, and now learns the order is paid');
  } finally {
    gate.open();
    await srv.close();
  }
});
