// In-memory store with the same interface and atomicity as the MongoDB store.
// FOR TESTS ONLY: nothing survives the process. Every operation runs synchronously
// inside one async call, so each one is atomic like a single-document MongoDB write.

const clone = (doc) => (doc === null || doc === undefined ? null : structuredClone(doc));

export function createMemoryStore() {
  const payments = new Map();
  const orderCharges = new Map();
  const idempotencyKeys = new Map();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new Error('memory store is closed');
  };
  const insert = (map, doc) => {
    ensureOpen();
    if (map.has(doc._id)) return false;
    map.set(doc._id, clone(doc));
    return true;
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

    // ---- idempotency keys ----
    async insertIdempotencyKey(doc) {
      return insert(idempotencyKeys, doc);
    },
    async getIdempotencyKey(id) {
      ensureOpen();
      return clone(idempotencyKeys.get(id));
    },
    async takeOverIdempotencyKey(id, { fromOwner, toOwner, leaseUntil, now }) {
      ensureOpen();
      const doc = idempotencyKeys.get(id);
      if (!doc || doc.owner !== fromOwner || doc.state !== 'in_progress' || !(doc.lease_until <= now)) return false;
      doc.owner = toOwner;
      doc.lease_until = leaseUntil;
      return true;
    },
    async completeIdempotencyKey(id, { owner, response, expiresAt }) {
      ensureOpen();
      const doc = idempotencyKeys.get(id);
      if (!doc || doc.owner !== owner || doc.state !== 'in_progress') return false;
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

    // ---- payments ----
    async insertPayment(doc) {
      return insert(payments, doc);
    },
    async getPayment(id) {
      ensureOpen();
      return clone(payments.get(id));
    },
    async listPaymentsByOrderKey(orderKey) {
      ensureOpen();
      return [...payments.values()]
        .filter((p) => p.order_key === orderKey)
        .sort((a, b) => a.created_at - b.created_at || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
        .map(clone);
    },
    async transitionPayment(id, fromStatus, set, { leaseExpiredAt } = {}) {
      ensureOpen();
      const doc = payments.get(id);
      if (!doc || doc.payment_status !== fromStatus) return null;
      if (leaseExpiredAt !== undefined && !(doc.lease_until <= leaseExpiredAt)) return null;
      Object.assign(doc, clone(set));
      return clone(doc);
    },
    async deletePayment(id, status) {
      ensureOpen();
      const doc = payments.get(id);
      if (!doc || doc.payment_status !== status) return false;
      payments.delete(id);
      return true;
    },

    // ---- order charges (one successful charge per order) ----
    async insertOrderCharge(doc) {
      return insert(orderCharges, doc);
    },
    async getOrderCharge(orderKey) {
      ensureOpen();
      return clone(orderCharges.get(orderKey));
    },
    async transferOrderCharge(orderKey, fromPaymentId, toPaymentId, now) {
      ensureOpen();
      const doc = orderCharges.get(orderKey);
      if (!doc || doc.payment_id !== fromPaymentId || doc.state !== 'charging') return false;
      doc.payment_id = toPaymentId;
      doc.updated_at = new Date(now);
      return true;
    },
    async markOrderPaid(orderKey, paymentId, now) {
      ensureOpen();
      const doc = orderCharges.get(orderKey);
      if (!doc || doc.payment_id !== paymentId) return false;
      if (doc.state !== 'paid') {
        doc.state = 'paid';
        doc.updated_at = new Date(now);
      }
      return true;
    },
    async releaseOrderCharge(orderKey, paymentId) {
      ensureOpen();
      const doc = orderCharges.get(orderKey);
      if (!doc || doc.payment_id !== paymentId || doc.state !== 'charging') return false;
      orderCharges.delete(orderKey);
      return true;
    },

    /** Test support: every stored document, by collection. */
    async dump() {
      return {
        payments: [...payments.values()].map(clone),
        order_charges: [...orderCharges.values()].map(clone),
        idempotency_keys: [...idempotencyKeys.values()].map(clone),
      };
    },
  };
}
