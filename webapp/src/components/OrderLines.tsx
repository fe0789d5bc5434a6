// An order's items as they were priced: quantity, name, options and the line's total.
import type { Order } from "../api/types";
import { optionsText } from "../lib/options";
import { Money } from "./Money";
import { VegMark } from "./VegMark";

export function OrderLines({ items }: { items: Order["items"] }) {
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
