// A MongoDB-wire server for tests: PAYMENTS_TEST_MONGODB_URL if set, else FerretDB
// (SQLite handler) built by the project's scripts/build-go-servers.sh and started here.
// When it cannot be had: with CI set the caller must fail; without CI it may skip.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..', '..');
const BUILD_SCRIPT = path.join(REPO_ROOT, 'scripts', 'build-go-servers.sh');
const BUILD_TIMEOUT_MS = 30 * 60 * 1000;
const START_TIMEOUT_MS = 60 * 1000;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function buildFerretDb() {
  return new Promise((resolve, reject) => {
    execFile('bash', [BUILD_SCRIPT, 'ferretdb'], { timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`scripts/build-go-servers.sh ferretdb failed: ${err.message}\n${String(stderr).slice(-4000)}`));
        return;
      }
      const lines = String(stdout).split('\n').map((s) => s.trim()).filter(Boolean);
      const bin = lines.at(-1);
      if (!bin) reject(new Error('scripts/build-go-servers.sh ferretdb printed no binary path'));
      else resolve(bin);
    });
  });
}

async function waitForPing(url, child, deadline) {
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited early with code ${child.exitCode}`);
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await client.close().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`ferretdb did not answer ping within ${START_TIMEOUT_MS} ms: ${lastError?.message}`);
}

async function startFerretDb() {
  await access(BUILD_SCRIPT);
  const bin = await buildFerretDb();
  const dir = await mkdtemp(path.join(tmpdir(), 'payments-ferretdb-'));
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const output = [];
    const child = spawn(
      bin,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--state-dir=${dir}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d) => output.push(String(d)));
    child.stderr.on('data', (d) => output.push(String(d)));
    const url = `mongodb://127.0.0.1:${port}/`;
    try {
      await waitForPing(url, child, Date.now() + START_TIMEOUT_MS);
      return {
        url,
        description: `FerretDB (${bin}) on 127.0.0.1:${port}`,
        async stop() {
          if (child.exitCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
          }
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = new Error(`${err.message}\nferretdb output:\n${output.join('').slice(-4000)}`);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

/**
 * @returns {Promise<{url: string, description: string, stop: () => Promise<void>} | {skip: string}>}
 * @throws when no server can be had and env CI is set (the tests must fail, not skip)
 */
export async function mongoForTests() {
  const given = process.env.PAYMENTS_TEST_MONGODB_URL;
  if (given) return { url: given, description: 'PAYMENTS_TEST_MONGODB_URL', stop: async () => {} };
  try {
    return await startFerretDb();
  } catch (err) {
    const message = `no MongoDB-wire server for the Mongo tests: set PAYMENTS_TEST_MONGODB_URL, or make scripts/build-go-servers.sh ferretdb work (${err.message})`;
    if (process.env.CI) throw new Error(message);
    return { skip: message };
  }
}
