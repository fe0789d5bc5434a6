// The payment form's state and its check before anything is sent.
import { useState } from "react";
import type { PayDetails } from "../api/endpoints";
import type { PaymentMode } from "../api/types";
import { VPA_PATTERN, detectBrand, digitsOnly, expiryInPast, luhnValid, parseExpiry } from "../lib/card";

export interface PaymentFormState {
  mode: PaymentMode;
  number: string;
  name: string;
  expiry: string;
  cvc: string;
  vpa: string;
}

export type PaymentErrors = Partial<Record<"number" | "expiry" | "cvc" | "vpa" | "name", string>>;

export const EMPTY_PAYMENT: PaymentFormState = { mode: "CARD", number: "", name: "", expiry: "", cvc: "", vpa: "" };

export function validatePayment(
  form: PaymentFormState,
  now: Date = new Date(),
): { details: PayDetails } | { errors: PaymentErrors } {
  if (form.mode === "COD") return { details: { payment_mode: "COD" } };
  if (form.mode === "UPI") {
    const vpa = form.vpa.trim();
    return VPA_PATTERN.test(vpa)
      ? { details: { payment_mode: "UPI", upi: { vpa } } }
      : { errors: { vpa: "Enter a UPI ID like name@bank." } };
  }
  const errors: PaymentErrors = {};
  const number = digitsOnly(form.number);
  if (!luhnValid(number)) errors.number = "Enter a valid card number.";
  const expiry = parseExpiry(form.expiry);
  if (!expiry) errors.expiry = "Enter the expiry date as MM/YY.";
  else if (expiryInPast(expiry.month, expiry.year, now)) errors.expiry = "This card has expired.";
  const cvcLength = detectBrand(number) === "amex" ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(form.cvc.trim())) {
    errors.cvc = `Enter the ${cvcLength}-digit security code.`;
  }
  if (Object.keys(errors).length > 0 || !expiry) return { errors };
  const name = form.name.trim();
  return {
    details: {
      payment_mode: "CARD",
      card: {
        number,
        exp_month: expiry.month,
        exp_year: expiry.year,
        cvc: form.cvc.trim(),
        ...(name ? { name } : {}),
      },
    },
  };
}

export function usePaymentForm(mode: PaymentMode = "CARD") {
  const [form, setForm] = useState<PaymentFormState>({ ...EMPTY_PAYMENT, mode });
  const [errors, setErrors] = useState<PaymentErrors>({});
  const update = (patch: Partial<PaymentFormState>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof PaymentErrors];
      return next;
    });
  };
  return { form, errors, setErrors, update };
}
