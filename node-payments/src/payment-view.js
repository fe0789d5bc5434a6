// The API representation of a stored payment. Card data beyond brand/last4/expiry never leaves.

const iso = (d) => (d === undefined || d === null ? undefined : new Date(d).toISOString());

/**
 * Internal status PROCESSING (a charge under way, outcome not yet known) is shown as
 * PENDING: the caller must not treat it as paid or failed and should ask again later.
 */
export function toApiPayment(p) {
  const out = {
    payment_id: p._id,
    order_id: p.order_id,
    amount: p.amount,
    currency: p.currency,
    payment_mode: p.payment_mode,
    payment_status: p.payment_status === 'PROCESSING' ? 'PENDING' : p.payment_status,
  };
  if (p.merchant_reference) out.merchant_reference = p.merchant_reference;
  if (p.failure_code) out.failure_code = p.failure_code;
  if (p.card) out.card = { brand: p.card.brand, last4: p.card.last4, exp_month: p.card.exp_month, exp_year: p.card.exp_year };
  if (p.upi) out.upi = { vpa: p.upi.vpa };
  out.created_at = iso(p.created_at);
  out.updated_at = iso(p.updated_at);
  if (p.refunded_at) out.refunded_at = iso(p.refunded_at);
  return out;
}
