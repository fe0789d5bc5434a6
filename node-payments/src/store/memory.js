// In-memory store with the same interface and the same guarantees as the MongoDB store.
// FOR TESTS ONLY: nothing survives the process. Each operation runs synchronously inside
// one async call, so it is atomic like a single-document MongoDB write; an ordered insert
// of several documents stops at the first duplicate, like MongoDB's.

const clone = (doc) => (doc === null || doc === undefined ? null : structuredClone(doc));

export function createMemoryStore() {
  const records = new Map();
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

    /** Delete the replay-cache records whose expires_at has passed. Returns how many. */
    async sweepSignatures(now) {
      ensureOpen();
      let n = 0;
      for (const [id, doc] of records) {
        if (doc.kind === 'signature' && doc.expires_at <= now) {
          records.delete(id);
          n += 1;
        }
      }
      return n;
    },

    /** Test support: every stored document, by collection (named as in MongoDB). */
    async dump() {
      return { payment_records: [...records.values()].map(clone) };
    },
  };
}
