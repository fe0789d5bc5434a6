// Placing and paying an order without ever duplicating either (docs/design.md §5).
//
// 1. POST /orders with the attempt's key and the total the customer was shown
//    (expected_total, the price lock); no definite answer (the fetch threw, 502/503/504,
//    409 request_in_progress) → the same request again, same key, with backoff (bounded).
//    409 cart_changed is a refusal: nothing is ordered until the customer agrees to the
//    new total, which is a new attempt. A fresh key answered at once with an order placed
//    earlier (Idempotent-Replayed) means this cart was ordered already, from another tab
//    or device: that order is the outcome, and it is not paid from here.
// 2. CARD/UPI: POST /orders/{id}/payment with a payment key kept the same way.
//    402 payment_declined → the key is dropped (the next try gets a new one); the order
//    stays and can be paid again.
// The attempt is forgotten only on a definite answer.
import { ApiError } from "../api/errors";
import type { PayDetails, Placed } from "../api/endpoints";
import type { Order, PaymentMode, PaymentResult } from "../api/types";
import { CHECKOUT_RETRIES, type RetryPolicy, withRetries } from "../lib/retry";
import {
  type CheckoutAttempt,
  clearAttempt,
  loadAttempt,
  newIdempotencyKey,
  saveAttempt,
  startAttempt,
} from "./attempt";

export interface CheckoutApi {
  placeOrder(addressId: number, mode: PaymentMode, key: string, expectedTotal: number | null): Promise<Placed>;
  payOrder(orderId: number, details: PayDetails, key: string): Promise<PaymentResult>;
  order(orderId: number): Promise<Order>;
}

export type CheckoutOutcome =
  | { kind: "confirmed"; order: Order }
  /** The cart's order already existed (placed from another tab or device), or it is
   * cancelled: nothing more to do here but show it. */
  | { kind: "existing"; order: Order }
  /** The payment was declined; the order waits to be paid another way. */
  | { kind: "declined"; orderId: number; error: ApiError }
  /** A definite refusal (cart empty, dish unavailable, bad card details…). */
  | { kind: "refused"; stage: "order" | "payment"; error: ApiError }
  /** Still no answer after the retries: the attempt (and its keys) is kept. */
  | { kind: "unreachable"; stage: "order" | "payment"; error: unknown };

export interface CheckoutRequest {
  userId: number;
  addressId: number;
  /** The payment details (mode CARD/UPI/COD) for this try. */
  payment: PayDetails;
  /** The total (paise) shown to the customer: the order is placed only at this price. */
  expectedTotal: number;
}

const SETTLED = new Set(["CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"]);

export function isPaid(order: Order): boolean {
  return SETTLED.has(order.order_status);
}

/** The unfinished attempt for this user, or a new one for these choices (`fresh`: its
 * key has never been sent). */
export function currentAttempt(request: CheckoutRequest): { attempt: CheckoutAttempt; fresh: boolean } {
  const kept = loadAttempt(request.userId);
  if (kept) return { attempt: kept, fresh: false };
  const { userId, addressId, payment, expectedTotal } = request;
  return { attempt: startAttempt(userId, addressId, payment.payment_mode, expectedTotal), fresh: true };
}

export async function runCheckout(
  api: CheckoutApi,
  request: CheckoutRequest,
  policy: RetryPolicy = CHECKOUT_RETRIES,
  onStage?: (stage: "order" | "payment") => void,
): Promise<CheckoutOutcome> {
  const current = currentAttempt(request);
  let attempt = current.attempt;

  if (attempt.orderId === null) {
    onStage?.("order");
    const pending = attempt;
    let sends = 0;
    let placed: Placed;
    try {
      placed = await withRetries(() => {
        sends += 1;
        return api.placeOrder(pending.addressId, pending.paymentMode, pending.orderKey, pending.expectedTotal);
      }, policy);
    } catch (error) {
      if (error instanceof ApiError && !isUndecided(error)) {
        clearAttempt();
        return { kind: "refused", stage: "order", error };
      }
      return { kind: "unreachable", stage: "order", error };
    }
    const { order } = placed;
    // A key sent once and answered with a replay was never this attempt's: the cart's
    // order came from elsewhere. (After a retry or a reload the replay may be our own.)
    const elsewhere = placed.replayed && current.fresh && sends === 1;
    if (elsewhere || order.order_status === "CANCELLED") {
      clearAttempt();
      return { kind: "existing", order };
    }
    attempt = { ...attempt, orderId: order.order_id };
    saveAttempt(attempt);
    if (attempt.paymentMode === "COD" || order.payment_mode === "COD" || isPaid(order)) {
      clearAttempt();
      return { kind: "confirmed", order };
    }
  }
  onStage?.("payment");
  return payAttempt(api, attempt, request.payment, policy);
}

/** Errors that are not an answer to the request itself. */
function isUndecided(error: ApiError): boolean {
  return (
    error.status === 502 ||
    error.status === 503 ||
    error.status === 504 ||
    error.code === "request_in_progress" ||
    error.code === "rate_limited"
  );
}

async function payAttempt(
  api: CheckoutApi,
  start: CheckoutAttempt,
  payment: PayDetails,
  policy: RetryPolicy,
): Promise<CheckoutOutcome> {
  const orderId = start.orderId!;
  let attempt = start;
  if (attempt.paymentKey === null) {
    attempt = { ...attempt, paymentKey: newIdempotencyKey() };
    saveAttempt(attempt);
  }
  // Card details are not stored, so after a reload the customer may type different ones
  // under the kept key (422 idempotency_key_reused): one fresh key then. The payments
  // service still refuses a second successful charge for the same order.
  for (let fresh = 0; ; fresh += 1) {
    const key = attempt.paymentKey!;
    try {
      const result = await withRetries(() => api.payOrder(orderId, payment, key), policy);
      clearAttempt();
      return { kind: "confirmed", order: result.order };
    } catch (error) {
      if (!(error instanceof ApiError) || isUndecided(error)) {
        return { kind: "unreachable", stage: "payment", error };
      }
      if (error.code === "idempotency_key_reused" && fresh === 0) {
        attempt = { ...attempt, paymentKey: newIdempotencyKey() };
        saveAttempt(attempt);
        continue;
      }
      if (error.code === "order_already_paid") {
        clearAttempt();
        try {
          return { kind: "confirmed", order: await withRetries(() => api.order(orderId), policy) };
        } catch (readError) {
          return { kind: "unreachable", stage: "payment", error: readError };
        }
      }
      if (error.code === "payment_declined" || error.code === "invalid_payment_details") {
        saveAttempt({ ...attempt, paymentKey: null });
        if (error.code === "payment_declined") return { kind: "declined", orderId, error };
        return { kind: "refused", stage: "payment", error };
      }
      clearAttempt();
      return { kind: "refused", stage: "payment", error };
    }
  }
}
