// The checkout page's view of runCheckout: phase for the button, the outcome, the attempt.
import { useCallback, useRef, useState } from "react";
import { type PayDetails, api } from "../api/endpoints";
import { CHECKOUT_RETRIES } from "../lib/retry";
import { type CheckoutAttempt, loadAttempt } from "./attempt";
import { type CheckoutApi, type CheckoutOutcome, runCheckout } from "./runCheckout";

export type CheckoutPhase = "idle" | "placing" | "paying" | "retrying";

const checkoutApi: CheckoutApi = {
  placeOrder: (addressId, mode, key, expectedTotal) => api.placeOrder(addressId, mode, key, expectedTotal),
  payOrder: (orderId, details, key) => api.payOrder(orderId, details, key),
  order: (orderId) => api.order(orderId),
};

export function useCheckout(userId: number, deps: CheckoutApi = checkoutApi) {
  const [attempt, setAttempt] = useState<CheckoutAttempt | null>(() => loadAttempt(userId));
  const [phase, setPhase] = useState<CheckoutPhase>("idle");
  const [outcome, setOutcome] = useState<CheckoutOutcome | null>(null);
  // A second click before React re-renders the disabled button must not start a second run.
  const running = useRef(false);

  const submit = useCallback(
    async (addressId: number, payment: PayDetails, expectedTotal: number): Promise<CheckoutOutcome | null> => {
      if (running.current) return null;
      running.current = true;
      setOutcome(null);
      setPhase("placing");
      try {
        const result = await runCheckout(
          deps,
          { userId, addressId, payment, expectedTotal },
          { ...CHECKOUT_RETRIES, onRetry: () => setPhase("retrying") },
          (stage) => setPhase(stage === "order" ? "placing" : "paying"),
        );
        setOutcome(result);
        return result;
      } finally {
        running.current = false;
        setAttempt(loadAttempt(userId));
        setPhase("idle");
      }
    },
    [deps, userId],
  );

  const reload = useCallback(() => setAttempt(loadAttempt(userId)), [userId]);
  /** Forget a refusal (e.g. a 409's new total) once the cart changed again since. */
  const dismiss = useCallback(() => setOutcome(null), []);

  return { attempt, phase, outcome, submit, reload, dismiss, pending: phase !== "idle" };
}
