// Spawning the real server process for tests, and reading its JSON log lines.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signatureHeader } from '../../src/signing.js';
import { TEST_SECRET, cardBody, newNonce } from './harness.js';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'server.js');

/** Spawn the server; collects JSON log lines and lets the test wait for one. */
export function spawnServer(env) {
  const child = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  const waiters = [];
  let stderr = '';
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        entry = { raw: line };
      }
      lines.push(entry);
      for (const w of [...waiters]) {
        if (w.match(entry)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(entry);
        }
      }
    }
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    lines,
    exited,
    get stderr() {
      return stderr;
    },
    /** Resolves with the first log line (past or future) that matches. */
    waitFor(match) {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        exited.then(({ code }) => reject(new Error(`server exited (${code}) before the expected log line; stderr: ${stderr}`)));
      });
    },
  };
}

export const baseEnv = { PAYMENTS_HMAC_SECRET: TEST_SECRET, PAYMENTS_STORE: 'memory', PAYMENTS_PORT: '0', PAYMENTS_HOST: '127.0.0.1' };

/** POST over a fresh connection (no keep-alive pool), so a closed listener shows as an error. */
export function post(port, urlPath, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          data += c;
        });
        res.on('end', () => resolve({ status: res.statusCode, body: data ? JSON.parse(data) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function signedPayment(port, orderId, key) {
  const raw = JSON.stringify(cardBody(orderId));
  const t = Math.floor(Date.now() / 1000);
  return post(port, '/v1/payments', raw, {
    'idempotency-key': key,
    'x-payments-signature': signatureHeader(TEST_SECRET, { t, nonce: newNonce(), method: 'POST', pathAndQuery: '/v1/payments', idempotencyKey: key, rawBody: raw }),
  });
}

