#!/usr/bin/env node
// Entry point: read config, open the store, serve, shut down gracefully on SIGTERM/SIGINT.
import http from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { ConfigError } from './errors.js';
import { createLogger, errorFields } from './logger.js';
import { createStore } from './store/index.js';
import { createApp } from './app.js';
import { createMetrics } from './metrics.js';

const SWEEP_INTERVAL_MS = 60 * 1000;

/**
 * Start the service. Resolves once listening, with a handle to stop it.
 * @param {{env?: object, logger?: object}} [options]
 */
export async function start({ env = process.env, logger } = {}) {
  const config = loadConfig(env);
  const log = logger ?? createLogger({ level: config.logLevel });
  if (config.store.kind === 'memory') {
    log.warn('using the in-memory store (PAYMENTS_STORE=memory): for tests only, all data is lost on exit');
  }
  if (Buffer.byteLength(config.hmacSecret) < 32) log.warn('PAYMENTS_HMAC_SECRET is shorter than 32 bytes; use a long random secret');

  const metrics = createMetrics();
  const store = createStore(config.store, { onCommand: ({ commandName }) => metrics.storeCommands.inc({ command: commandName }) });
  await store.init();
  if (store.expiresIndex && store.expiresIndex !== 'ttl') {
    log.info('no TTL index on this server: expired replay-cache records are deleted by this process, expired idempotency keys replaced when reused', {
      reason: store.expiresIndex,
    });
  }
  const { app, startDraining } = createApp({ config, store, logger: log, metrics });

  const server = http.createServer(app);
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  log.info('listening', { host: address.address, port: address.port, store: config.store.kind });

  // The replay cache: delete the signatures past their window (where the server has no TTL index).
  const sweep = () =>
    store
      .sweepSignatures(new Date())
      .then((n) => n > 0 && log.debug('deleted expired replay-cache records', { count: n }))
      .catch((err) => log.warn('sweeping the replay cache failed', errorFields(err)));
  await sweep();
  const sweepTimer = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  let stopping = null;
  /** Stop accepting, let in-flight requests finish, close the store. */
  function stop(reason = 'stop') {
    if (stopping) return stopping;
    stopping = (async () => {
      log.info('shutdown started', { reason });
      startDraining();
      clearInterval(sweepTimer);
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      const force = setTimeout(() => {
        log.warn('shutdown timeout: closing remaining connections', { timeout_ms: config.shutdownTimeoutMs });
        server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      force.unref();
      // Connections that become idle after finishing their last request are closed too.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
      idleSweep.unref();
      await closed;
      clearTimeout(force);
      clearInterval(idleSweep);
      await store.close();
      log.info('shutdown complete');
    })();
    return stopping;
  }

  return { server, port: address.port, config, store, stop };
}

async function main() {
  const log = createLogger({ level: process.env.PAYMENTS_LOG_LEVEL ?? 'info' });
  let handle = null;
  let pendingSignal = null;
  const shutdown = (signal) => {
    handle.stop(signal).then(
      () => process.exit(0),
      (err) => {
        log.error('shutdown failed', errorFields(err));
        process.exit(1);
      },
    );
  };
  // Installed before anything starts, so a signal during startup is not the default (abrupt) exit.
  const onSignal = (signal) => {
    if (handle) shutdown(signal);
    else pendingSignal ??= signal;
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  try {
    handle = await start({ logger: log });
  } catch (err) {
    if (err instanceof ConfigError) {
      log.error('invalid configuration', { error: err.message });
      process.stderr.write(`node-payments: ${err.message}\n`);
      process.exit(2);
    }
    log.error('startup failed', errorFields(err));
    process.exit(1);
  }
  if (pendingSignal) shutdown(pendingSignal);
}

const isEntryPoint = () => {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};

if (isEntryPoint()) {
  main();
}
