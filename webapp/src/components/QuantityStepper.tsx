// − count + for one dish; 0 removes it. The count is announced when it changes.
export const MAX_QUANTITY = 20;

interface StepperProps {
  name: string;
  quantity: number;
  busy?: boolean;
  /** False while the restaurant is closed: taking out is still allowed, adding is not. */
  canAdd?: boolean;
  onChange: (quantity: number) => void;
}

export function QuantityStepper({ name, quantity, busy = false, canAdd = true, onChange }: StepperProps) {
  return (
    <div className="stepper" role="group" aria-label={`Quantity of ${name}`}>
      <button
        type="button"
        className="stepper-button"
        aria-label={quantity === 1 ? `Remove ${name}` : `One less ${name}`}
        disabled={busy}
        onClick={() => onChange(quantity - 1)}
      >
        −
      </button>
      <output className="stepper-count" aria-live="polite">
        {quantity}
      </output>
      <button
        type="button"
        className="stepper-button"
        aria-label={`One more ${name}`}
        disabled={busy || !canAdd || quantity >= MAX_QUANTITY}
        onClick={() => onChange(quantity + 1)}
      >
        +
      </button>
    </div>
  );
}
