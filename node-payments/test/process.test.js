// The real process: refusing to start on bad config (exit 2), and graceful shutdown
// on SIGTERM/SIGINT with a request in flight (spawned as a child process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_SECRET, uniqueOrderId } from './support/harness.js';
import { baseEnv, signedPayment, spawnServer } from './support/process.js';

test('refuses to start without PAYMENTS_HMAC_SECRET (exit 2, clear message)', async () => {
  const srv = spawnServer({ PAYMENTS_STORE: 'memory' });
  const { code } = await srv.exited;
  assert.equal(code, 2);
  assert.match(srv.stderr, /PAYMENTS_HMAC_SECRET is required/);
});

test('refuses to start without PAYMENTS_MONGODB_URL unless PAYMENTS_STORE=memory (exit 2)', async () => {
  const srv = spawnServer({ PAYMENTS_HMAC_SECRET: TEST_SECRET });
  const { code } = await srv.exited;
  assert.equal(code, 2);
  assert.match(srv.stderr, /PAYMENTS_MONGODB_URL is required/);
});

test('SIGTERM: stops accepting, finishes the in-flight payment (201), exits 0', async () => {
  const srv = spawnServer({ ...baseEnv, PAYMENTS_LATENCY_MS: '2000', PAYMENTS_LOG_LEVEL: 'debug' });
  try {
    const { port } = await srv.waitFor((l) => l.msg === 'listening');
    const orderId = uniqueOrderId();
    const inFlight = signedPayment(port, orderId, 'sigterm-key-1');
    await srv.waitFor((l) => l.msg === 'processor charge started');
    srv.child.kill('SIGTERM');
    await srv.waitFor((l) => l.msg === 'shutdown started');

    await assert.rejects(signedPayment(port, uniqueOrderId(), 'sigterm-key-2'), /ECONNREFUSED|ECONNRESET/, 'new connections are refused');

    const res = await inFlight;
    assert.equal(res.status, 201);
    assert.equal(res.body.payment_status, 'SUCCEEDED');
    assert.equal(res.body.order_id, orderId);

    const { code, signal } = await srv.exited;
    assert.equal(signal, null);
    assert.equal(code, 0);
    const msgs = srv.lines.map((l) => l.msg);
    assert.ok(msgs.indexOf('shutdown started') < msgs.indexOf('payment processed'), 'the payment finished after the signal');
    assert.ok(msgs.includes('shutdown complete'));
  } finally {
    if (srv.child.exitCode === null) srv.child.kill('SIGKILL');
  }
});

test('SIGINT: exits 0', async () => {
  const srv = spawnServer(baseEnv);
  try {
    await srv.waitFor((l) => l.msg === 'listening');
    srv.child.kill('SIGINT');
    const { code } = await srv.exited;
    assert.equal(code, 0);
  } finally {
    if (srv.child.exitCode === null) srv.child.kill('SIGKILL');
  }
});

test('every stdout line is one JSON object', async () => {
  const srv = spawnServer(baseEnv);
  try {
    await srv.waitFor((l) => l.msg === 'listening');
    srv.child.kill('SIGTERM');
    await srv.exited;
    assert.ok(srv.lines.length >= 3);
    for (const l of srv.lines) {
      assert.equal(l.raw, undefined, `not JSON: ${l.raw}`);
      assert.equal(typeof l.time, 'string');
      assert.equal(typeof l.level, 'string');
    }
  } finally {
    if (srv.child.exitCode === null) srv.child.kill('SIGKILL');
  }
});

test('exits 1 when the MongoDB store cannot be reached at startup', async () => {
  const srv = spawnServer({ PAYMENTS_HMAC_SECRET: TEST_SECRET, PAYMENTS_MONGODB_URL: 'mongodb://127.0.0.1:9/', PAYMENTS_PORT: '0' });
  const { code } = await srv.exited;
  assert.equal(code, 1);
  assert.ok(srv.lines.some((l) => l.msg === 'startup failed'));
});
