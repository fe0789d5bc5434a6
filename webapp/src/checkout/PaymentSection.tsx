// How to pay: card (brand shown, Luhn hint), UPI, or cash on delivery.
import type { RefObject } from "react";
import type { PaymentMode } from "../api/types";
import { Field } from "../components/Field";
import { BRAND_NAMES, cardNumberHint, detectBrand, formatCardNumber } from "../lib/card";
import type { PaymentErrors, PaymentFormState } from "./paymentForm";

const MODES: ReadonlyArray<readonly [PaymentMode, string, string]> = [
  ["CARD", "Card", "Credit or debit card"],
  ["UPI", "UPI", "Pay from any UPI app"],
  ["COD", "Cash on delivery", "Pay the rider in cash"],
];

interface PaymentSectionProps {
  form: PaymentFormState;
  errors: PaymentErrors;
  /** Once the order is placed it can still be paid by card or UPI, not switched to cash. */
  allowCod: boolean;
  /** The method is fixed by an unfinished try; the details can still be typed. */
  modeLocked: boolean;
  disabled: boolean;
  numberRef: RefObject<HTMLInputElement | null>;
  onChange: (patch: Partial<PaymentFormState>) => void;
}

export function PaymentSection({ form, errors, allowCod, modeLocked, disabled, numberRef, onChange }: PaymentSectionProps) {
  const brand = detectBrand(form.number);
  const hint = cardNumberHint(form.number);
  return (
    <section className="panel" aria-labelledby="payment-heading">
      <h2 id="payment-heading">Payment</h2>
      <fieldset className="choices" disabled={modeLocked || disabled}>
        <legend className="visually-hidden">Payment method</legend>
        {MODES.filter(([mode]) => allowCod || mode !== "COD").map(([mode, title, detail]) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name="payment_mode"
              value={mode}
              checked={form.mode === mode}
              onChange={() => onChange({ mode })}
            />
            <span>
              <span className="choice-title">{title}</span>
              <span className="choice-detail">{detail}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {form.mode === "CARD" && (
        <fieldset className="card-fields" disabled={disabled}>
          <legend className="visually-hidden">Card details</legend>
          <Field
            ref={numberRef}
            label="Card number"
            name="cardnumber"
            autoComplete="cc-number"
            inputMode="numeric"
            placeholder="1234 5678 9012 3456"
            value={formatCardNumber(form.number)}
            onChange={(e) => onChange({ number: e.target.value })}
            hint={brand ? `${BRAND_NAMES[brand]} card` : null}
            error={errors.number ?? hint}
          />
          <Field
            label="Name on card (optional)"
            name="ccname"
            autoComplete="cc-name"
            maxLength={80}
            value={form.name}
            onChange={(e) => onChange({ name: e.target.value })}
            error={errors.name}
          />
          <div className="field-row">
            <Field
              label="Expiry (MM/YY)"
              name="cc-exp"
              autoComplete="cc-exp"
              inputMode="numeric"
              placeholder="MM/YY"
              maxLength={7}
              value={form.expiry}
              onChange={(e) => onChange({ expiry: e.target.value })}
              error={errors.expiry}
            />
            <Field
              label="CVC"
              name="cvc"
              type="password"
              autoComplete="cc-csc"
              inputMode="numeric"
              maxLength={4}
              value={form.cvc}
              onChange={(e) => onChange({ cvc: e.target.value })}
              error={errors.cvc}
            />
          </div>
        </fieldset>
      )}
      {form.mode === "UPI" && (
        <Field
          label="UPI ID"
          name="vpa"
          autoComplete="off"
          placeholder="name@bank"
          value={form.vpa}
          onChange={(e) => onChange({ vpa: e.target.value })}
          disabled={disabled}
          error={errors.vpa}
        />
      )}
      {form.mode === "COD" && <p className="muted">Please keep the exact amount ready for the rider.</p>}
    </section>
  );
}
