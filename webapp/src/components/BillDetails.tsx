// The bill as the API priced it: every line with its amount, GST with its CGST and SGST
// halves, and the total. Nothing here adds anything up: the server's bill is the bill.
import { useId, useState } from "react";
import type { Bill, BillLine } from "../api/types";
import { formatPaise } from "../lib/money";
import { Money } from "./Money";

/** A line's amount as the customer reads it: a discount as − ₹X, no delivery fee as Free. */
export function billAmountText(line: Pick<BillLine, "code" | "amount">): string {
  if (line.code === "delivery_fee" && line.amount === 0) return "Free";
  if (line.amount < 0) return `− ${formatPaise(-line.amount)}`;
  return formatPaise(line.amount);
}

export function BillDetails({
  bill,
  totalLabel = "To pay",
  defaultOpen = false,
}: {
  bill: Bill;
  totalLabel?: string;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div className="bill">
      <button
        type="button"
        className="bill-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        Bill details
      </button>
      <ul id={id} className="bill-lines" hidden={!open} aria-label="Bill details">
        {bill.lines.map((line) => (
          <li key={line.code} className={`bill-line bill-line-${line.code}`}>
            <span className="bill-row">
              <span>{line.label}</span>
              <span className="money">{billAmountText(line)}</span>
            </span>
            {line.parts.length > 0 && (
              <ul className="bill-parts" aria-label={`${line.label} parts`}>
                {line.parts.map((part) => (
                  <li key={part.code} className="bill-row">
                    <span>{part.label}</span>
                    <Money paise={part.amount} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div className="totals">
        <span>{totalLabel}</span>
        <Money paise={bill.total_amount} className="total" />
      </div>
    </div>
  );
}
