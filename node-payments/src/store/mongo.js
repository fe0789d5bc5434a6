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
// Collections:
//   payment_records            idempotency keys, order slots, payments, outcomes, refunds
//   request_signatures_<b>     the replay cache, one collection per 600 s (nonce-buckets.js)
import { MongoClient } from 'mongodb';
import { NONCE_COLLECTION_PREFIX, nonceBucket, staleNonceBuckets } from './nonce-buckets.js';

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
  const nonces = (bucket) => db.collection(`${NONCE_COLLECTION_PREFIX}${bucket}`);
  let expiresIndex = 'not created';

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
      try {
        if (docs.length === 1) await records.insertOne(docs[0]);
        else await records.insertMany(docs, { ordered: true });
        return docs.length;
      } catch (err) {
        if (docs.length === 1) {
          if (isDuplicateKey(err)) return 0;
          throw err;
        }
        const first = firstWriteError(err);
        if (first && isDuplicateKey(first) && Number.isInteger(first.index)) return first.index;
        throw err;
      }
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

    async claimNonce(t, nonce) {
      try {
        await nonces(nonceBucket(t)).insertOne({ _id: `${t}:${nonce}`, t });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    /**
     * Drop the buckets no signature can be accepted from any more, and create the current
     * and the next one ahead of time. Returns how many buckets were dropped.
     */
    async sweepNonces(nowSec) {
      const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      const buckets = names
        .filter((n) => n.startsWith(NONCE_COLLECTION_PREFIX) && /^\d+$/.test(n.slice(NONCE_COLLECTION_PREFIX.length)))
        .map((n) => Number(n.slice(NONCE_COLLECTION_PREFIX.length)));
      const stale = staleNonceBuckets(buckets, nowSec);
      for (const b of stale) await nonces(b).drop().catch((err) => (err?.code === 26 ? null : Promise.reject(err)));
      const current = nonceBucket(nowSec);
      for (const b of [current, current + 1]) {
        if (!buckets.includes(b)) await createCollectionIfMissing(`${NONCE_COLLECTION_PREFIX}${b}`);
      }
      return stale.length;
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
