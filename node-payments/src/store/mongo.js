// MongoDB store (official driver). Works on MongoDB and on FerretDB 1.24:
// single-document atomic writes only (no transactions), no partial indexes,
// no $lookup, no field names starting with "$" or containing dots.
import { MongoClient } from 'mongodb';

const DUPLICATE_KEY = 11000;

const isDuplicateKey = (err) => err && (err.code === DUPLICATE_KEY || err.code === 11001);

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
      // Uniqueness that matters is on _id (always unique): idempotency_keys._id = "<scope>:<key>",
      // order_charges._id = order key, payments._id = payment id.
      await payments.createIndex({ order_key: 1, created_at: 1 }, { name: 'order_key_created_at' });
      await idempotencyKeys.createIndex({ expires_at: 1 }, { name: 'expires_at' });
    },
    async ping() {
      await db.command({ ping: 1 });
      return true;
    },
    async close() {
      await client.close();
    },

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
    async completeIdempotencyKey(id, { owner, response, expiresAt }) {
      const r = await idempotencyKeys.updateOne(
        { _id: id, owner, state: 'in_progress' },
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

    // ---- payments ----
    insertPayment: (doc) => insert(payments, doc),
    getPayment: (id) => payments.findOne({ _id: id }),
    listPaymentsByOrderKey: (orderKey) => payments.find({ order_key: orderKey }).sort({ created_at: 1, _id: 1 }).toArray(),
    async transitionPayment(id, fromStatus, set, { leaseExpiredAt } = {}) {
      const filter = { _id: id, payment_status: fromStatus };
      if (leaseExpiredAt !== undefined) filter.lease_until = { $lte: leaseExpiredAt };
      return payments.findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after', includeResultMetadata: false });
    },
    async deletePayment(id, status) {
      const r = await payments.deleteOne({ _id: id, payment_status: status });
      return r.deletedCount === 1;
    },

    // ---- order charges ----
    insertOrderCharge: (doc) => insert(orderCharges, doc),
    getOrderCharge: (orderKey) => orderCharges.findOne({ _id: orderKey }),
    async transferOrderCharge(orderKey, fromPaymentId, toPaymentId, now) {
      const r = await orderCharges.updateOne(
        { _id: orderKey, payment_id: fromPaymentId, state: 'charging' },
        { $set: { payment_id: toPaymentId, updated_at: new Date(now) } },
      );
      return r.modifiedCount === 1;
    },
    async markOrderPaid(orderKey, paymentId, now) {
      const r = await orderCharges.updateOne({ _id: orderKey, payment_id: paymentId }, { $set: { state: 'paid', updated_at: new Date(now) } });
      return r.matchedCount === 1;
    },
    async releaseOrderCharge(orderKey, paymentId) {
      const r = await orderCharges.deleteOne({ _id: orderKey, payment_id: paymentId, state: 'charging' });
      return r.deletedCount === 1;
    },

    /** Test support: every document of every collection in the database. */
    async dump() {
      const out = {};
      for (const info of await db.listCollections({}, { nameOnly: true }).toArray()) {
        out[info.name] = await db.collection(info.name).find({}).toArray();
      }
      return out;
    },
    /** Test support: drop the whole database. */
    async dropDatabase() {
      await db.dropDatabase();
    },
  };
}
