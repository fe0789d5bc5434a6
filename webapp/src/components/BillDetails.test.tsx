import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { seriousFindings } from "../test/axe";
import { billOf } from "../test/fixtures";
import { BillDetails, billAmountText } from "./BillDetails";

// A bill as the API would send it; the component adds nothing up itself.
const bill = billOf({
  item_total: 24_000,
  packaging: 1_000,
  delivery_fee: 0,
  platform_fee: 1_000,
  gst: 1_530,
  discount: -5_000,
  tip: 3_000,
});

describe("the bill details", () => {
  test("closed at first: the total shows, the lines wait behind 'Bill details'", () => {
    render(<BillDetails bill={bill} />);
    const toggle = screen.getByRole("button", { name: "Bill details" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    const list = document.getElementById(toggle.getAttribute("aria-controls")!);
    expect(list).toHaveRole("list");
    expect(list).not.toBeVisible();
    expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹255.30");
  });

  test("open, every line with its amount in rupees: free delivery, − discount, GST in CGST and SGST", async () => {
    const user = userEvent.setup();
    render(<BillDetails bill={bill} totalLabel="Total" />);
    const toggle = screen.getByRole("button", { name: "Bill details" });
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const list = screen.getByRole("list", { name: "Bill details" });
    expect(list).toBeVisible();
    expect(toggle).toHaveAttribute("aria-controls", list.id);
    const rows = within(list)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === list)
      .map((li) => li.firstElementChild!.textContent);
    expect(rows).toEqual([
      "Item total₹240.00",
      "Packaging₹10.00",
      "Delivery feeFree",
      "Platform fee₹10.00",
      "GST₹15.30",
      "Discount− ₹50.00",
      "Rider tip₹30.00",
    ]);
    const parts = within(screen.getByRole("list", { name: "GST parts" })).getAllByRole("listitem");
    expect(parts.map((p) => p.textContent)).toEqual([
      "CGST (2.5% food, 9% fees)₹7.65",
      "SGST (2.5% food, 9% fees)₹7.65",
    ]);
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("₹255.30");
    await user.click(toggle);
    expect(list).not.toBeVisible();
  });

  test("the total is the bill's, never a sum made here", () => {
    render(<BillDetails bill={{ ...bill, total_amount: 99_999 }} />);
    expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹999.99");
  });

  test("amount texts", () => {
    expect(billAmountText({ code: "delivery_fee", amount: 0 })).toBe("Free");
    expect(billAmountText({ code: "delivery_fee", amount: 3_500 })).toBe("₹35.00");
    expect(billAmountText({ code: "discount", amount: -10_000 })).toBe("− ₹100.00");
    expect(billAmountText({ code: "platform_fee", amount: 0 })).toBe("₹0.00");
  });

  test("no serious accessibility findings, open or closed", async () => {
    const user = userEvent.setup();
    const { container } = render(
      <main>
        <BillDetails bill={bill} />
      </main>,
    );
    expect(await seriousFindings(container)).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Bill details" }));
    expect(await seriousFindings(container)).toEqual([]);
  });
});
