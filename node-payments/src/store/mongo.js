// MongoDB store (official driver). Works on MongoDB/Atlas and on FerretDB 1.24 (PostgreSQL
// backend): no transactions, no partial or TTL indexes needed, no $lookup, no field names
// starting with "$" or containing dots.
//
// Every read and write is by _id, the one key FerretDB answers from an index (with the
// project's patch, _id equality and _id: {$in: [...]}); any other filter would be a scan
// of the collection there. Atomicity: FerretDB applies a filtered update or delete as
// "find, then write by _id", so the only atomic decision is an insert under the unique
// _id; everything correctness depends on is such an insert (payments-service.js).
//
// One collection, payment_records: the replay cache, idempotency keys, order slots,
// payments, outcomes and refunds (payments-service.js, replay-guard.js). Documents with an
// expires_at (replay-cache records, idempotency keys) are deleted by MongoDB's TTL index.
// FerretDB has no TTL indexes and a range delete there reads the whole collection, so on
// such a server this store remembers the replay-cache records it inserted and deletes
// them by _id once expired (sweepSignatures); expired idempotency keys stay until reused.
import { MongoClient } from 'mongodb';

const isDuplicateKey = (err) => err && (err.code === 11000 || err.code === 11001);
const RECORDS = 'payment_records';

/** The first write error of a bulk insert (the driver gives one error or a list). */
function firstWriteError(err) {
  const errors = err?.writeErrors;
  if (Array.isArray(errors)) return errors[0];
  return errors ?? null;
}

/**
 * @param {{url: string, database?: string, clientOptions?: object,
 *   onCommand?: (event: {commandName: string, collection: string|undefined, command: object}) => void}} options
 *   onCommand: called for every command sent (the driver's command monitoring); the
 *   service counts them in a metric and the tests count them per charge.
 */
export function createMongoStore({ url, database = 'payments', clientOptions = {}, onCommand } = {}) {
  const client = new MongoClient(url, {
    appName: 'node-payments',
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    monitorCommands: Boolean(onCommand),
    ...clientOptions,
  });
  if (onCommand) {
    client.on('commandStarted', (event) => {
      const target = event.command?.[event.commandName];
      onCommand({ commandName: event.commandName, collection: typeof target === 'string' ? target : undefined, command: event.command });
    });
  }
  const db = client.db(database);
  const records = db.collection(RECORDS);
  let expiresIndex = 'not created';
  const ttl = () => expiresIndex === 'ttl';
  // Replay-cache records this process inserted, when the server has no TTL index.
  let mySignatures = [];
  const SWEEP_CHUNK = 500;

  async function createCollectionIfMissing(name) {
    try {
      await db.createCollection(name);
    } catch (err) {
      if (err?.code !== 48) throw err; // NamespaceExists
    }
  }

  return {
    kind: 'mongodb',
    database,
    /** 'ttl' when expired idempotency keys are deleted by the server (MongoDB), else why not. */
    get expiresIndex() {
      return expiresIndex;
    },

    /** Connect; create the collection and, where supported, the TTL index (idempotent). */
    async init() {
      await client.connect();
      await createCollectionIfMissing(RECORDS);
      // Only idempotency-key records have expires_at (a Date): MongoDB deletes them once it
      // has passed. FerretDB 1.24 answers 238 "expireAfterSeconds is not implemented": there
      // an expired key is replaced when it is used again (payments-service.js).
      try {
        await records.createIndex({ expires_at: 1 }, { name: 'expires_at_ttl', expireAfterSeconds: 0 });
        expiresIndex = 'ttl';
      } catch (err) {
        if (err?.code !== 238 && err?.code !== 67) throw err; // NotImplemented, CannotCreateIndex
        expiresIndex = `unsupported by the server (${err.code})`;
      }
    },
    async ping() {
      await db.command({ ping: 1 });
      return true;
    },
    async close() {
      await client.close();
    },

    // ---- payment records ----

    /** Insert in order; stop at the first _id that exists. Returns how many were inserted. */
    async insertRecords(docs) {
      let inserted;
      try {
        if (docs.length === 1) await records.insertOne(docs[0]);
        else await records.insertMany(docs, { ordered: true });
        inserted = docs.length;
      } catch (err) {
        const first = docs.length === 1 ? (isDuplicateKey(err) ? { index: 0, code: 11000 } : null) : firstWriteError(err);
        if (!(first && isDuplicateKey(first) && Number.isInteger(first.index))) throw err;
        inserted = first.index;
      }
      if (!ttl() && inserted > 0 && docs[0].kind === 'signature') mySignatures.push({ id: docs[0]._id, expiresAt: docs[0].expires_at });
      return inserted;
    },
    /** The documents among `ids` that exist (any order). */
    findRecords(ids) {
      if (ids.length === 0) return Promise.resolve([]);
      return records.find(ids.length === 1 ? { _id: ids[0] } : { _id: { $in: ids } }).toArray();
    },
    /** $set `fields` on the document `id` (unconditionally: not a compare-and-set). */
    async setRecordFields(id, fields) {
      const r = await records.updateOne({ _id: id }, { $set: fields });
      return r.matchedCount === 1;
    },
    /** Delete `id` if its fields equal `match` (atomic on MongoDB; find-then-delete on FerretDB). */
    async deleteRecordIf(id, match) {
      const r = await records.deleteOne({ _id: id, ...match });
      return r.deletedCount === 1;
    },

    // ---- replay cache ----

    /**
     * Without a TTL index: delete (by _id, in chunks) the replay-cache records this process
     * inserted whose expires_at has passed. Returns how many were deleted. With one: 0 (the
     * server deletes them).
     */
    async sweepSignatures(now) {
      if (ttl()) return 0;
      const expired = mySignatures.filter((s) => s.expiresAt <= now);
      let deleted = 0;
      for (let i = 0; i < expired.length; i += SWEEP_CHUNK) {
        const ids = expired.slice(i, i + SWEEP_CHUNK).map((s) => s.id);
        deleted += (await records.deleteMany({ _id: { $in: ids } })).deletedCount;
      }
      mySignatures = mySignatures.filter((s) => s.expiresAt > now);
      return deleted;
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
