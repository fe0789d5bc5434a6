// In-memory store with the same interface and the same guarantees as the MongoDB store.
// FOR TESTS ONLY: nothing survives the process. Each operation runs synchronously inside
// one async call, so it is atomic like a single-document MongoDB write.

const clone = (doc) => (doc === null || doc === undefined ? null : structuredClone(doc));
const byIdAsc = (a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

export function createMemoryStore() {
  const collections = {
    payments: new Map(),
    payment_outcomes: new Map(),
    payment_refunds: new Map(),
    order_charges: new Map(),
    idempotency_keys: new Map(),
  };
  const { payments, payment_outcomes: outcomes, payment_refunds: refunds, order_charges: orderCharges, idempotency_keys: idempotencyKeys } =
    collections;
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new Error('memory store is closed');
  };
  const insert = async (map, doc) => {
    ensureOpen();
    if (map.has(doc._id)) return false;
    map.set(doc._id, clone(doc));
    return true;
  };
  const get = async (map, id) => {
    ensureOpen();
    return clone(map.get(id));
  };
  const getMany = async (map, ids) => {
    ensureOpen();
    return ids.filter((id) => map.has(id)).map((id) => clone(map.get(id)));
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

    // ---- payments (inserted once; the status fields are a cache, see payments-service.js) ----
    insertPayment: (doc) => insert(payments, doc),
    getPayment: (id) => get(payments, id),
    async listPaymentsByOrderKey(orderKey) {
      ensureOpen();
      return [...payments.values()]
        .filter((p) => p.order_key === orderKey)
        .sort((a, b) => a.created_at - b.created_at || byIdAsc(a, b))
        .map(clone);
    },
    async deletePayment(id) {
      ensureOpen();
      return payments.delete(id);
    },
    async cachePaymentStatus(id, fields) {
      ensureOpen();
      const doc = payments.get(id);
      if (doc && doc.status_rank < fields.status_rank) Object.assign(doc, clone(fields));
    },

    // ---- outcomes and refunds: one document per payment, first insert wins ----
    insertOutcome: (doc) => insert(outcomes, doc),
    getOutcome: (id) => get(outcomes, id),
    getOutcomes: (ids) => getMany(outcomes, ids),
    insertRefund: (doc) => insert(refunds, doc),
    getRefund: (id) => get(refunds, id),
    getRefunds: (ids) => getMany(refunds, ids),

    // ---- order charges: a chain of slots per order, each claimed by insert ----
    insertOrderSlot: (doc) => insert(orderCharges, doc),
    async getLatestOrderSlot(orderKey) {
      ensureOpen();
      let latest = null;
      for (const doc of orderCharges.values()) {
        if (doc.order_key === orderKey && (latest === null || doc.seq > latest.seq)) latest = doc;
      }
      return clone(latest);
    },

    // ---- idempotency keys ----
    insertIdempotencyKey: (doc) => insert(idempotencyKeys, doc),
    getIdempotencyKey: (id) => get(idempotencyKeys, id),
    async takeOverIdempotencyKey(id, { fromOwner, toOwner, leaseUntil, now }) {
      ensureOpen();
      const doc = idempotencyKeys.get(id);
      if (!doc || doc.owner !== fromOwner || doc.state !== 'in_progress' || !(doc.lease_until <= now)) return false;
      doc.owner = toOwner;
      doc.lease_until = leaseUntil;
      return true;
    },
    async completeIdempotencyKey(id, { response, expiresAt }) {
      ensureOpen();
      const doc = idempotencyKeys.get(id);
      if (!doc || doc.state !== 'in_progress') return false;
      doc.state = 'completed';
      doc.response = clone(response);
      doc.expires_at = expiresAt;
      doc.lease_until = null;
      return true;
    },
    async releaseIdempotencyKey(id, owner) {
      ensureOpen();
      const doc = idempotencyKeys.get(id);
      if (!doc || doc.owner !== owner || doc.state !== 'in_progress') return false;
      idempotencyKeys.delete(id);
      return true;
    },
    async deleteExpiredIdempotencyKey(id, now) {
      ensureOpen();
      const doc = idempotencyKeys.get(id);
      if (!doc || !(doc.expires_at <= now)) return false;
      idempotencyKeys.delete(id);
      return true;
    },
    async purgeExpiredIdempotencyKeys(now) {
      ensureOpen();
      let n = 0;
      for (const [id, doc] of idempotencyKeys) {
        if (doc.expires_at <= now) {
          idempotencyKeys.delete(id);
          n += 1;
        }
      }
      return n;
    },

    /** Test support: every stored document, by collection. */
    async dump() {
      return Object.fromEntries(Object.entries(collections).map(([name, map]) => [name, [...map.values()].map(clone)]));
    },
  };
}
