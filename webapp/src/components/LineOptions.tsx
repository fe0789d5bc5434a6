import type { ChosenOption } from "../api/types";
import { deltaText } from "../lib/options";

/** A cart or order line's chosen options, each with what it added to the price. */
export function LineOptions({ options }: { options: readonly ChosenOption[] }) {
  return (
    <ul className="line-options" aria-label="Options">
      {options.map((option) => (
        <li key={option.option_id}>
          {option.option_name}
          {option.price_delta !== 0 && <span className="muted"> {deltaText(option.price_delta)}</span>}
        </li>
      ))}
    </ul>
  );
}
