// Priced lines (an order's items, or the cart's at checkout): quantity, name, options and
// the line's total.
import type { ChosenOption } from "../api/types";
import { optionsText } from "../lib/options";
import { Money } from "./Money";
import { VegMark } from "./VegMark";

// What a line needs: an order's items and the cart's priced lines both have it.
export type OrderLineItems = ReadonlyArray<{
  food_id: number;
  food_name: string;
  options: ChosenOption[];
  quantity: number;
  line_total: number;
  is_veg: boolean;
}>;

export function OrderLines({ items }: { items: OrderLineItems }) {
  return (
    <ul className="summary-lines">
      {items.map((item, index) => (
        <li key={`${index}-${item.food_id}`}>
          <span className="summary-item">
            <span className="summary-name">
              <VegMark veg={item.is_veg} /> {item.quantity} × {item.food_name}
            </span>
            {item.options.length > 0 && <span className="summary-options">{optionsText(item.options)}</span>}
          </span>
          <Money paise={item.line_total} />
        </li>
      ))}
    </ul>
  );
}
