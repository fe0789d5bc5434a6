// The store contract, the HTTP scenarios and the leak check on a MongoDB-wire server:
// PAYMENTS_TEST_MONGODB_URL, or FerretDB 1.24 (SQLite) started here through
// scripts/build-go-servers.sh. With CI set, no server means FAILED, never skipped.
import { after, test } from 'node:test';
import { MongoClient } from 'mongodb';
import { createMongoStore } from '../src/store/mongo.js';
import { mongoForTests } from './support/ferretdb.js';
import { storeContract } from './support/store-contract.js';
import { paymentScenarios } from './support/scenarios.js';
import { leakScenario } from './support/leak.js';

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
  storeContract('mongo store', async () => {
    sharedReady ??= shared.init();
    await sharedReady;
    return shared;
  });
  paymentScenarios('mongo', freshStore);
  leakScenario('mongo', freshStore);

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
