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
  /** Set once the order exists; the order stays the same across payment tries. */
  orderId: number | null;
  /** Idempotency-Key of the current payment try; a new one after a decline. */
  paymentKey: string | null;
}

const MODES: readonly string[] = ["CARD", "UPI", "COD"];

function isAttempt(value: unknown): value is CheckoutAttempt {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.userId === "number" &&
    typeof v.orderKey === "string" &&
    typeof v.addressId === "number" &&
    typeof v.paymentMode === "string" &&
    MODES.includes(v.paymentMode) &&
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
  return attempt && attempt.userId === userId ? attempt : null;
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
): CheckoutAttempt {
  const attempt: CheckoutAttempt = {
    userId,
    orderKey: newIdempotencyKey(),
    addressId,
    paymentMode,
    orderId: null,
    paymentKey: null,
  };
  saveAttempt(attempt);
  return attempt;
}
