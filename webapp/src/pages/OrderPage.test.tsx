import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json } from "../test/fetch";
import { seriousFindings } from "../test/axe";
import { billOf, cartOf, order, user } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

const expired = order({ order_id: 601, order_status: "CANCELLED", cancel_reason: "payment_not_completed" });
const withdrawn = order({ order_id: 602, order_status: "CANCELLED", cancel_reason: "cancelled_by_customer" });
const waiting = order({ order_id: 603 });

describe("why an order was cancelled", () => {
  test("the order page says an unpaid order expired, and offers no payment", async () => {
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/601": json(expired) });
    renderApp("/orders/601");
    expect(await screen.findByTestId("cancel-reason")).toHaveTextContent(
      "Cancelled automatically: the payment wasn't completed in time.",
    );
    expect(screen.getByTestId("order-status")).toHaveTextContent("Cancelled");
    expect(screen.queryByRole("link", { name: "Complete the payment" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel order" })).toBeNull();
  });

  test("the order page gives the restaurant's reason when it rejected the order", async () => {
    const rejected = order({
      order_id: 604,
      order_status: "CANCELLED",
      cancel_reason: "rejected_by_restaurant",
      cancel_note: "Out of basmati rice",
    });
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/604": json(rejected) });
    renderApp("/orders/604");
    expect(await screen.findByTestId("cancel-reason")).toHaveTextContent(
      "The restaurant couldn't take this order. “Out of basmati rice”",
    );
  });

  test("the order page says the restaurant did not accept it in time", async () => {
    const unanswered = order({ order_id: 605, order_status: "CANCELLED", cancel_reason: "not_accepted_in_time" });
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/605": json(unanswered) });
    renderApp("/orders/605");
    expect(await screen.findByTestId("cancel-reason")).toHaveTextContent(
      "Cancelled automatically: the restaurant didn't accept it in time.",
    );
  });

  test("the order page says the customer cancelled it", async () => {
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/602": json(withdrawn) });
    renderApp("/orders/602");
    expect(await screen.findByTestId("cancel-reason")).toHaveTextContent("You cancelled this order.");
  });

  test("the order list gives each cancelled order its reason, and none to the others", async () => {
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/orders": json({ orders: [expired, withdrawn, waiting] }),
    });
    renderApp("/orders");
    expect(await screen.findByRole("link", { name: /#601/ })).toHaveTextContent(
      "Cancelled automatically: the payment wasn't completed in time.",
    );
    expect(screen.getByRole("link", { name: /#602/ })).toHaveTextContent("You cancelled this order.");
    const other = screen.getByRole("link", { name: /#603/ });
    expect(other).toHaveTextContent("Waiting for payment");
    expect(other).not.toHaveTextContent(/cancel/i);
  });
});

describe("the order's bill", () => {
  const discounted = order({
    order_id: 604,
    coupon_code: "WELCOME50",
    bill: billOf({ item_total: 24_000, delivery_fee: 0, platform_fee: 1_000, gst: 880, discount: -10_000, tip: 2_000 }),
  });

  test("the bill it was placed with: every line, GST's halves, the coupon, its total", async () => {
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/orders/604": json(discounted),
    });
    const app = renderApp("/orders/604");
    await screen.findByRole("heading", { name: "Order #604" });
    expect(screen.getByTestId("order-coupon")).toHaveTextContent("Coupon WELCOME50");
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("₹178.80");
    await app.user.click(screen.getByRole("button", { name: "Bill details" }));
    const bill = screen.getByRole("list", { name: "Bill details" });
    expect(bill).toHaveTextContent("Delivery feeFree");
    expect(bill).toHaveTextContent("Discount− ₹100.00");
    expect(bill).toHaveTextContent("Rider tip₹20.00");
    expect(within(bill).getByRole("list", { name: "GST parts" })).toHaveTextContent(/CGST.*₹4\.40.*SGST.*₹4\.40/);
    expect(fake.calls("GET /api/v1/orders/604")).toHaveLength(1);
    expect(await seriousFindings()).toEqual([]);
  });

  test("the footer no longer claims prices include taxes: the bill shows them", async () => {
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/604": json(discounted) });
    renderApp("/orders/604");
    await screen.findByRole("heading", { name: "Order #604" });
    expect(screen.getByRole("contentinfo")).not.toHaveTextContent(/include taxes/i);
  });
});
