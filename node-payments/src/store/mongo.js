// MongoDB store (official driver). Works on MongoDB and on FerretDB 1.24 (SQLite or
// PostgreSQL backend): no transactions, no partial indexes, no $lookup, no field names
// starting with "$" or containing dots.
//
// Atomicity: FerretDB 1.x applies a filtered update as "find, then write by _id", so a
// conditional updateOne / findOneAndUpdate is NOT a compare-and-set there (concurrent
// writers can all "win"). Everything correctness depends on is therefore an insert under
// a unique _id (atomic on every backend); updates here are best-effort caches or
// optimisations whose races are harmless (see README "Atomicity").
import { MongoClient } from 'mongodb';

const isDuplicateKey = (err) => err && (err.code === 11000 || err.code === 11001);

/**
 * @param {{url: string, database?: string, clientOptions?: object}} options
 */
export function createMongoStore({ url, database = 'payments', clientOptions = {} }) {
  const client = new MongoClient(url, {
    appName: 'node-payments',
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    ...clientOptions,
  });
  const db = client.db(database);
  const payments = db.collection('payments');
  const outcomes = db.collection('payment_outcomes');
  const refunds = db.collection('payment_refunds');
  const orderCharges = db.collection('order_charges');
  const idempotencyKeys = db.collection('idempotency_keys');

  const insert = async (collection, doc) => {
    try {
      await collection.insertOne(doc);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  };

  return {
    kind: 'mongodb',
    database,

    /** Connect and create indexes (idempotent: same name and spec every time). */
    async init() {
      await client.connect();
      // The uniqueness that matters is on _id, unique everywhere without extra indexes:
      // idempotency_keys._id = "<scope>:<key>", order_charges._id = "<order>#<seq>",
      // payments/payment_outcomes/payment_refunds._id = payment id.
      await payments.createIndex({ order_key: 1, created_at: 1 }, { name: 'order_key_created_at' });
      await orderCharges.createIndex({ order_key: 1, seq: -1 }, { name: 'order_key_seq' });
      await idempotencyKeys.createIndex({ expires_at: 1 }, { name: 'expires_at' });
    },
    async ping() {
      await db.command({ ping: 1 });
      return true;
    },
    async close() {
      await client.close();
    },

    // ---- payments ----
    insertPayment: (doc) => insert(payments, doc),
    getPayment: (id) => payments.findOne({ _id: id }),
    listPaymentsByOrderKey: (orderKey) => payments.find({ order_key: orderKey }).sort({ created_at: 1, _id: 1 }).toArray(),
    async deletePayment(id) {
      const r = await payments.deleteOne({ _id: id });
      return r.deletedCount === 1;
    },
    async cachePaymentStatus(id, fields) {
      await payments.updateOne({ _id: id, status_rank: { $lt: fields.status_rank } }, { $set: fields });
    },

    // ---- outcomes and refunds ----
    insertOutcome: (doc) => insert(outcomes, doc),
    getOutcome: (id) => outcomes.findOne({ _id: id }),
    getOutcomes: (ids) => (ids.length ? outcomes.find({ _id: { $in: ids } }).toArray() : Promise.resolve([])),
    insertRefund: (doc) => insert(refunds, doc),
    getRefund: (id) => refunds.findOne({ _id: id }),
    getRefunds: (ids) => (ids.length ? refunds.find({ _id: { $in: ids } }).toArray() : Promise.resolve([])),

    // ---- order charges ----
    insertOrderSlot: (doc) => insert(orderCharges, doc),
    getLatestOrderSlot: (orderKey) => orderCharges.find({ order_key: orderKey }).sort({ seq: -1 }).limit(1).next(),

    // ---- idempotency keys ----
    insertIdempotencyKey: (doc) => insert(idempotencyKeys, doc),
    getIdempotencyKey: (id) => idempotencyKeys.findOne({ _id: id }),
    async takeOverIdempotencyKey(id, { fromOwner, toOwner, leaseUntil, now }) {
      const r = await idempotencyKeys.updateOne(
        { _id: id, owner: fromOwner, state: 'in_progress', lease_until: { $lte: now } },
        { $set: { owner: toOwner, lease_until: leaseUntil } },
      );
      return r.modifiedCount === 1;
    },
    async completeIdempotencyKey(id, { response, expiresAt }) {
      const r = await idempotencyKeys.updateOne(
        { _id: id, state: 'in_progress' },
        { $set: { state: 'completed', response, expires_at: expiresAt, lease_until: null } },
      );
      return r.modifiedCount === 1;
    },
    async releaseIdempotencyKey(id, owner) {
      const r = await idempotencyKeys.deleteOne({ _id: id, owner, state: 'in_progress' });
      return r.deletedCount === 1;
    },
    async deleteExpiredIdempotencyKey(id, now) {
      const r = await idempotencyKeys.deleteOne({ _id: id, expires_at: { $lte: now } });
      return r.deletedCount === 1;
    },
    async purgeExpiredIdempotencyKeys(now) {
      const r = await idempotencyKeys.deleteMany({ expires_at: { $lte: now } });
      return r.deletedCount;
    },

    /** Test support: every document of every collection in the database. */
    async dump() {
      const out = {};
      for (const info of await db.listCollections({}, { nameOnly: true }).toArray()) {
        out[info.name] = await db.collection(info.name).find({}).toArray();
      }
      return out;
    },
  };
}
