// A tip for the rider: none, a preset, or an amount of the customer's own. Each choice is
// PUT to the cart at once; the bill (and the total to pay) is the API's answer.
import { type FormEvent, useState } from "react";
import { messageFor } from "../api/problems";
import { Field } from "../components/Field";
import { formatShortPaise } from "../lib/money";

export const TIP_PRESETS: readonly number[] = [2_000, 3_000, 5_000];

type Choice = number | "other";

interface TipSectionProps {
  /** The cart's tip now, in paise. */
  tip: number;
  disabled: boolean;
  onTip(amount: number): Promise<void>;
}

/** Rupees as typed ("40", "40.5") → paise, or null when it is not an amount. */
export function tipPaise(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

export function TipSection({ tip, disabled, onTip }: TipSectionProps) {
  const [pending, setPending] = useState<Choice | null>(null);
  const [otherOpen, setOtherOpen] = useState(() => tip !== 0 && !TIP_PRESETS.includes(tip));
  const [other, setOther] = useState(() => (tip !== 0 && !TIP_PRESETS.includes(tip) ? String(tip / 100) : ""));
  const [error, setError] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<string | null>(null);

  const current: Choice = otherOpen ? "other" : tip === 0 || TIP_PRESETS.includes(tip) ? tip : "other";
  const selected = pending ?? current;
  const busy = pending !== null;

  const send = async (choice: Choice, amount: number) => {
    setPending(choice);
    setError(null);
    setOtherError(null);
    try {
      await onTip(amount);
      return true;
    } catch (failure) {
      (choice === "other" ? setOtherError : setError)(messageFor(failure));
      return false;
    } finally {
      setPending(null);
    }
  };

  const choose = (amount: number) => {
    setOtherOpen(false);
    if (amount !== tip) void send(amount, amount);
  };

  const submitOther = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const amount = tipPaise(other);
    if (amount === null) {
      setOtherError("Enter the tip in rupees, like 40.");
      return;
    }
    void send("other", amount);
  };

  return (
    <section className="panel" aria-labelledby="tip-heading">
      <h2 id="tip-heading">Tip your rider</h2>
      <p className="muted">The whole tip goes to the rider who brings your order.</p>
      <fieldset className="tip-choices" disabled={disabled || busy}>
        <legend className="visually-hidden">Tip amount</legend>
        {[0, ...TIP_PRESETS].map((amount) => (
          <label key={amount} className="choice">
            <input
              type="radio"
              name="tip"
              value={amount}
              checked={selected === amount}
              onChange={() => choose(amount)}
            />
            <span className="choice-title">{amount === 0 ? "No tip" : formatShortPaise(amount)}</span>
          </label>
        ))}
        <label className="choice">
          <input
            type="radio"
            name="tip"
            value="other"
            checked={selected === "other"}
            onChange={() => {
              setOtherOpen(true);
              setError(null);
            }}
          />
          <span className="choice-title">Other</span>
        </label>
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {selected === "other" && (
        <form className="inline-form" onSubmit={submitOther} noValidate>
          <Field
            label="Tip in rupees"
            name="tip_amount"
            inputMode="decimal"
            autoComplete="off"
            value={other}
            onChange={(e) => {
              setOther(e.target.value);
              setOtherError(null);
            }}
            hint="Up to ₹500"
            error={otherError}
            disabled={disabled || busy}
          />
          <button type="submit" className="button button-secondary" disabled={disabled || busy}>
            Set tip
          </button>
        </form>
      )}
    </section>
  );
}
