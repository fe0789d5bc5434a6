// The store contract, the HTTP scenarios and the leak check on a MongoDB-wire server:
// PAYMENTS_TEST_MONGODB_URL, or FerretDB 1.24 (PostgreSQL) started here through
// scripts/build-go-servers.sh. With CI set, no server means FAILED, never skipped.
import { after, test } from 'node:test';
import { MongoClient } from 'mongodb';
import { createMongoStore } from '../src/store/mongo.js';
import { mongoForTests } from './support/ferretdb.js';
import { storeContract } from './support/store-contract.js';
import { paymentScenarios } from './support/scenarios.js';
import { leakScenario } from './support/leak.js';
import { commandBudget } from './support/command-budget.js';
import { cardSecrecyScenario } from './support/card-secrecy.js';
import assert from 'node:assert/strict';
import { signatureHeader } from '../src/signing.js';
import { TEST_SECRET, newNonce, uniqueOrderId } from './support/harness.js';
import { signedPayment, spawnServer } from './support/process.js';
import { probeAtomicity } from '../scripts/probe-atomicity.js';

const mongo = await mongoForTests();

if (mongo.skip) {
  test('MongoDB-wire tests', { skip: mongo.skip }, () => {});
} else {
  const databases = [];
  let n = 0;
  const freshStore = async () => {
    const database = `payments_test_${process.pid}_${(n += 1)}`;
    databases.push(database);
    return createMongoStore({ url: mongo.url, database });
  };

  const shared = await freshStore();
  let sharedReady;
  test('mongo server in use', (t) => {
    t.diagnostic(mongo.description);
  });
  test('diagnostic: are conditional updates atomic on this server? (the service does not rely on it)', async (t) => {
    t.diagnostic(JSON.stringify(await probeAtomicity(mongo.url, { trials: 5 })));
  });
  storeContract('mongo store', async () => {
    sharedReady ??= shared.init();
    await sharedReady;
    return shared;
  });
  paymentScenarios('mongo', freshStore, async () => {
    const database = `payments_test_${process.pid}_${(n += 1)}`;
    databases.push(database);
    return [createMongoStore({ url: mongo.url, database }), createMongoStore({ url: mongo.url, database })];
  });
  leakScenario('mongo', freshStore);
  cardSecrecyScenario('mongo', freshStore);
  commandBudget('mongo', async (onCommand) => {
    const database = `payments_test_${process.pid}_${(n += 1)}`;
    databases.push(database);
    return createMongoStore({ url: mongo.url, database, onCommand });
  });

  test('the server process on MongoDB: ready, pays, shuts down cleanly', async () => {
    const database = `payments_test_${process.pid}_proc`;
    databases.push(database);
    const srv = spawnServer({
      PAYMENTS_HMAC_SECRET: TEST_SECRET,
      PAYMENTS_MONGODB_URL: mongo.url,
      PAYMENTS_MONGODB_DB: database,
      PAYMENTS_PORT: '0',
    });
    try {
      const { port, store } = await srv.waitFor((l) => l.msg === 'listening');
      assert.equal(store, 'mongodb');
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      assert.deepEqual(await ready.json(), { status: 'ready', store: 'mongodb' });
      const orderId = uniqueOrderId();
      const res = await signedPayment(port, orderId, 'proc-key-1');
      assert.equal(res.status, 201);
      const path = `/v1/payments?order_id=${orderId}`;
      const t = Math.floor(Date.now() / 1000);
      const list = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { 'x-payments-signature': signatureHeader(TEST_SECRET, { t, nonce: newNonce(), method: 'GET', pathAndQuery: path, rawBody: '' }) },
      });
      assert.equal((await list.json()).payments[0].payment_id, res.body.payment_id);
      srv.child.kill('SIGTERM');
      assert.equal((await srv.exited).code, 0);
    } finally {
      if (srv.child.exitCode === null) srv.child.kill('SIGKILL');
    }
  });

  after(async () => {
    await shared.close();
    const client = new MongoClient(mongo.url, { serverSelectionTimeoutMS: 5_000 });
    try {
      for (const name of databases) await client.db(name).dropDatabase();
    } finally {
      await client.close();
      await mongo.stop();
    }
  });
}
