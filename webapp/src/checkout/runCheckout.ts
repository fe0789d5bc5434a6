// Placing and paying an order without ever duplicating either (docs/design.md §5).
//
// 1. POST /orders with the attempt's key; no definite answer (the fetch threw, 502/503/504,
//    409 request_in_progress) → the same request again, same key, with backoff (bounded).
// 2. CARD/UPI: POST /orders/{id}/payment with a payment key kept the same way.
//    402 payment_declined → the key is dropped (the next try gets a new one); the order
//    stays and can be paid again.
// The attempt is forgotten only on a definite answer.
import { ApiError } from "../api/errors";
import type { PayDetails } from "../api/endpoints";
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
  placeOrder(addressId: number, mode: PaymentMode, key: string): Promise<Order>;
  payOrder(orderId: number, details: PayDetails, key: string): Promise<PaymentResult>;
  order(orderId: number): Promise<Order>;
}

export type CheckoutOutcome =
  | { kind: "confirmed"; order: Order }
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
}

const SETTLED = new Set(["CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"]);

export function isPaid(order: Order): boolean {
  return SETTLED.has(order.order_status);
}

/** The unfinished attempt for this user, or a new one for these choices. */
export function currentAttempt(request: CheckoutRequest): CheckoutAttempt {
  return (
    loadAttempt(request.userId) ??
    startAttempt(request.userId, request.addressId, request.payment.payment_mode)
  );
}

export async function runCheckout(
  api: CheckoutApi,
  request: CheckoutRequest,
  policy: RetryPolicy = CHECKOUT_RETRIES,
  onStage?: (stage: "order" | "payment") => void,
): Promise<CheckoutOutcome> {
  let attempt = currentAttempt(request);

  if (attempt.orderId === null) {
    onStage?.("order");
    const pending = attempt;
    let order: Order;
    try {
      order = await withRetries(
        () => api.placeOrder(pending.addressId, pending.paymentMode, pending.orderKey),
        policy,
      );
    } catch (error) {
      if (error instanceof ApiError && !isUndecided(error)) {
        clearAttempt();
        return { kind: "refused", stage: "order", error };
      }
      return { kind: "unreachable", stage: "order", error };
    }
    attempt = { ...attempt, orderId: order.order_id };
    saveAttempt(attempt);
    if (attempt.paymentMode === "COD" || isPaid(order)) {
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
