// A MongoDB-wire server for tests: PAYMENTS_TEST_MONGODB_URL if set, else FerretDB 1.24
// on PostgreSQL (what the project runs, `--handler=postgresql`): a throwaway PostgreSQL
// cluster from Debian's package (initdb + postgres on 127.0.0.1, trust auth, fsync and
// synchronous commit off: test data need not survive a power cut) and FerretDB built by
// the project's scripts/build-go-servers.sh, both started here and removed afterwards.
// When it cannot be had: with CI set the caller must fail; without CI it may skip.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, access, chown, readdir } from 'node:fs/promises';
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

async function pgBinDir() {
  const root = '/usr/lib/postgresql';
  let majors = [];
  try {
    majors = (await readdir(root)).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(a) - Number(b));
  } catch {
    // not Debian's layout
  }
  if (majors.length > 0) return path.join(root, majors.at(-1), 'bin');
  try {
    return path.dirname(execFileSync('which', ['initdb'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error('PostgreSQL server binaries (initdb) not found: apt-get install postgresql');
  }
}

/** As root, PostgreSQL must run as the `postgres` system user. */
function pgUser() {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function run(bin, args, options) {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: 120_000, ...options }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(bin)} failed: ${err.message}\n${String(stderr).slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

function stopChild(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  return exited.finally(() => clearTimeout(timer));
}

async function waitForPostgres(bin, port, child, output, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited early (${child.exitCode}):\n${output.join('').slice(-2000)}`);
    try {
      await run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'], {});
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`postgres did not become ready:\n${output.join('').slice(-2000)}`);
}

/** A throwaway PostgreSQL cluster on 127.0.0.1. */
async function startPostgres() {
  const bin = await pgBinDir();
  const user = pgUser();
  const dir = await mkdtemp(path.join(tmpdir(), 'payments-pg-'));
  if (user.uid !== undefined) await chown(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const env = { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C' };
  await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...user, env, cwd: dir });
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const output = [];
    const child = spawn(
      path.join(bin, 'postgres'),
      ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
      { ...user, env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d) => output.push(String(d)));
    child.stderr.on('data', (d) => output.push(String(d)));
    try {
      await waitForPostgres(bin, port, child, output, Date.now() + START_TIMEOUT_MS);
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        async stop() {
          await stopChild(child, 'SIGINT'); // "fast" shutdown
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = err;
      await stopChild(child, 'SIGKILL');
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

async function startFerretDb() {
  await access(BUILD_SCRIPT);
  const bin = await buildFerretDb();
  const postgres = await startPostgres();
  const dir = await mkdtemp(path.join(tmpdir(), 'payments-ferretdb-'));
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const output = [];
    const child = spawn(
      bin,
      [
        '--handler=postgresql',
        `--postgresql-url=${postgres.url}`,
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
        description: `FerretDB (${bin}, --handler=postgresql) on 127.0.0.1:${port}`,
        async stop() {
          await stopChild(child);
          await rm(dir, { recursive: true, force: true });
          await postgres.stop();
        },
      };
    } catch (err) {
      lastError = new Error(`${err.message}\nferretdb output:\n${output.join('').slice(-4000)}`);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
  await rm(dir, { recursive: true, force: true });
  await postgres.stop();
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
    if (process.env.CI) throw new Error(message, { cause: err });
    return { skip: message };
  }
}
