// One checkout attempt, kept in sessionStorage until it gets a definite answer
// (docs/design.md §5): a reload or a retry sends the same Idempotency-Key, so the API
// answers with the same order instead of placing a second one. Card details are never
// stored.
import type { PaymentMode } from "../api/types";
import { readJson, remove, writeJson } from "../lib/storage";

export const ATTEMPT_STORAGE_KEY = "food.checkout.attempt";

export interface CheckoutAttempt {
  userId: number;
  /** Idempotency-Key of POST /orders. */
  orderKey: string;
  addressId: number;
  paymentMode: PaymentMode;
  /** The total (paise) the customer was shown when they pressed the button: the price
   * lock sent as `expected_total`, the same on every retry of this attempt. Null only for
   * an attempt kept by an older version of the app. */
  expectedTotal: number | null;
  /** Set once the order exists; the order stays the same across payment tries. */
  orderId: number | null;
  /** Idempotency-Key of the current payment try; a new one after a decline. */
  paymentKey: string | null;
}

const MODES: readonly string[] = ["CARD", "UPI", "COD"];

type StoredAttempt = Omit<CheckoutAttempt, "expectedTotal"> & { expectedTotal?: number | null };

function isAttempt(value: unknown): value is StoredAttempt {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.userId === "number" &&
    typeof v.orderKey === "string" &&
    typeof v.addressId === "number" &&
    typeof v.paymentMode === "string" &&
    MODES.includes(v.paymentMode) &&
    (v.expectedTotal === undefined || v.expectedTotal === null || Number.isSafeInteger(v.expectedTotal)) &&
    (v.orderId === null || typeof v.orderId === "number") &&
    (v.paymentKey === null || typeof v.paymentKey === "string")
  );
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The signed-in user's unfinished attempt, if any. */
export function loadAttempt(userId: number): CheckoutAttempt | null {
  const attempt = readJson("session", ATTEMPT_STORAGE_KEY, isAttempt);
  if (!attempt || attempt.userId !== userId) return null;
  // Kept before the price lock: resent as it was first sent (the same request for its key).
  return { ...attempt, expectedTotal: attempt.expectedTotal ?? null };
}

export function saveAttempt(attempt: CheckoutAttempt): void {
  writeJson("session", ATTEMPT_STORAGE_KEY, attempt);
}

export function clearAttempt(): void {
  remove("session", ATTEMPT_STORAGE_KEY);
}

export function startAttempt(
  userId: number,
  addressId: number,
  paymentMode: PaymentMode,
  expectedTotal: number,
): CheckoutAttempt {
  const attempt: CheckoutAttempt = {
    userId,
    orderKey: newIdempotencyKey(),
    addressId,
    paymentMode,
    expectedTotal,
    orderId: null,
    paymentKey: null,
  };
  saveAttempt(attempt);
  return attempt;
}

/** An attempt to pay an order placed earlier (in another tab or on another device, or by
 * an attempt this tab no longer keeps): it has its order, so nothing is placed again. */
export function attemptToPay(
  userId: number,
  order: { order_id: number; delivery_address: { address_id: number }; payment_mode: PaymentMode; total_amount: number },
): CheckoutAttempt {
  const attempt: CheckoutAttempt = {
    userId,
    orderKey: newIdempotencyKey(), // never sent: the order exists
    addressId: order.delivery_address.address_id,
    paymentMode: order.payment_mode,
    expectedTotal: order.total_amount,
    orderId: order.order_id,
    paymentKey: null,
  };
  saveAttempt(attempt);
  return attempt;
}
