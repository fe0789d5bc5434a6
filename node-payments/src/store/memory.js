// In-memory store with the same interface and the same guarantees as the MongoDB store.
// FOR TESTS ONLY: nothing survives the process. Each operation runs synchronously inside
// one async call, so it is atomic like a single-document MongoDB write; an ordered insert
// of several documents stops at the first duplicate, like MongoDB's.
import { nonceBucket, staleNonceBuckets } from './nonce-buckets.js';

const clone = (doc) => (doc === null || doc === undefined ? null : structuredClone(doc));

export function createMemoryStore() {
  const records = new Map();
  const nonceBuckets = new Map(); // bucket -> Set of "<t>:<nonce>"
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new Error('memory store is closed');
  };

  return {
    kind: 'memory',
    async init() {},
    async ping() {
      ensureOpen();
      return true;
    },
    async close() {
      closed = true;
    },

    // ---- payment records: every document keyed by _id (see payments-service.js) ----

    /** Insert in order; stop at the first _id that exists. Returns how many were inserted. */
    async insertRecords(docs) {
      ensureOpen();
      for (let i = 0; i < docs.length; i += 1) {
        if (records.has(docs[i]._id)) return i;
        records.set(docs[i]._id, clone(docs[i]));
      }
      return docs.length;
    },
    /** The documents among `ids` that exist (any order). */
    async findRecords(ids) {
      ensureOpen();
      return ids.filter((id) => records.has(id)).map((id) => clone(records.get(id)));
    },
    /** $set `fields` on the document `id` (unconditionally). True if it exists. */
    async setRecordFields(id, fields) {
      ensureOpen();
      const doc = records.get(id);
      if (!doc) return false;
      Object.assign(doc, clone(fields));
      return true;
    },
    /** Delete `id` if its fields equal `match`. True if deleted. */
    async deleteRecordIf(id, match) {
      ensureOpen();
      const doc = records.get(id);
      if (!doc || !Object.entries(match).every(([k, v]) => doc[k] === v)) return false;
      records.delete(id);
      return true;
    },

    // ---- replay cache of request signatures ----

    /** Record a signature's (t, nonce); false when it was already recorded. */
    async claimNonce(t, nonce) {
      ensureOpen();
      const bucket = nonceBucket(t);
      if (!nonceBuckets.has(bucket)) nonceBuckets.set(bucket, new Set());
      const seen = nonceBuckets.get(bucket);
      const id = `${t}:${nonce}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    },
    /** Forget buckets whose signatures are all outside the window. Returns how many. */
    async sweepNonces(nowSec) {
      ensureOpen();
      const stale = staleNonceBuckets([...nonceBuckets.keys()], nowSec);
      for (const b of stale) nonceBuckets.delete(b);
      return stale.length;
    },

    /** Test support: every stored document, by collection (named as in MongoDB). */
    async dump() {
      const out = { payment_records: [...records.values()].map(clone) };
      for (const [bucket, seen] of nonceBuckets) {
        out[`request_signatures_${bucket}`] = [...seen].map((id) => ({ _id: id, t: Number(id.split(':')[0]) }));
      }
      return out;
    },
  };
}
