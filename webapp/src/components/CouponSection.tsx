// The cart's coupon: a code to apply, or the coupon on the cart with what it does (or,
// when the cart no longer qualifies, why not) and a way to take it off.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { couponErrorMessage, sentence } from "../api/problems";
import type { Coupon } from "../api/types";
import { Field } from "./Field";

interface CouponSectionProps {
  coupon: Coupon | null;
  onApply(code: string): Promise<void>;
  onRemove(): Promise<void>;
  disabled?: boolean;
}

export function CouponSection({ coupon, onApply, onRemove, disabled = false }: CouponSectionProps) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // Back to the field once it is enabled again: its description says what was wrong.
  useEffect(() => {
    if (error) inputRef.current?.focus();
  }, [error]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(couponErrorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const typed = code.trim();
    if (!typed) {
      setError("Enter a coupon code.");
      return;
    }
    if (await run(() => onApply(typed))) setCode("");
  };

  return (
    <section className="coupon panel" aria-labelledby="coupon-heading">
      <h2 id="coupon-heading">Coupon</h2>
      {coupon ? (
        <div className="coupon-applied">
          <div role="status" data-testid="coupon-status">
            {coupon.applied ? (
              <p>
                <strong>{coupon.code}</strong> applied
                {coupon.description && <span className="muted"> · {coupon.description}</span>}
              </p>
            ) : (
              <p>
                <strong>{coupon.code}</strong> isn't applied.{" "}
                {coupon.message && <span data-testid="coupon-message">{sentence(coupon.message)}</span>}
              </p>
            )}
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={disabled || busy}
            onClick={() => void run(onRemove)}
          >
            Remove <span className="visually-hidden">coupon {coupon.code}</span>
          </button>
        </div>
      ) : (
        <form className="inline-form" onSubmit={(e) => void apply(e)} noValidate>
          <Field
            ref={inputRef}
            label="Coupon code"
            name="coupon"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
            error={error}
            disabled={disabled || busy}
          />
          <button type="submit" className="button button-secondary" disabled={disabled || busy}>
            {busy ? "Applying…" : "Apply"}
          </button>
        </form>
      )}
      {coupon && error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
