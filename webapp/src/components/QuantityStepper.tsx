// − count + for one dish; 0 removes it (unless `min` keeps it above). The count is
// announced when it changes.
export const MAX_QUANTITY = 20;

interface StepperProps {
  name: string;
  quantity: number;
  busy?: boolean;
  /** False while the restaurant is closed: taking out is still allowed, adding is not. */
  canAdd?: boolean;
  /** The least it may go down to: 0 (the default) removes the dish; 1 in a dialog choosing how many. */
  min?: number;
  onChange: (quantity: number) => void;
}

export function QuantityStepper({ name, quantity, busy = false, canAdd = true, min = 0, onChange }: StepperProps) {
  return (
    <div className="stepper" role="group" aria-label={`Quantity of ${name}`}>
      <button
        type="button"
        className="stepper-button"
        aria-label={quantity === 1 && min === 0 ? `Remove ${name}` : `One less ${name}`}
        disabled={busy || quantity <= min}
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
