import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { FakeEventSource } from "../test/eventSource";
import { fakeFetch, json } from "../test/fetch";
import { seriousFindings } from "../test/axe";
import { billOf, cartOf, deliveryOf, order, rider, user } from "../test/fixtures";
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

  test.each([
    { status: "REFUNDED", said: "The restaurant did not accept in time — refunded." },
    { status: "SUCCEEDED", said: "The restaurant did not accept in time — refund in progress." },
  ] as const)("a paid order nobody accepted: its refund ($status)", async ({ status, said }) => {
    const unanswered = order({
      order_id: 605,
      order_status: "CANCELLED",
      cancel_reason: "not_accepted_in_time",
      payment: { payment_id: 9, payment_status: status, amount: 24_000, card: null } as never,
    });
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/605": json(unanswered) });
    renderApp("/orders/605");
    expect(await screen.findByTestId("cancel-reason")).toHaveTextContent(said);
  });

  test("a refund given after the cancellation shows without a reload", async () => {
    const cancelled = (status: "SUCCEEDED" | "REFUNDED") =>
      order({
        order_id: 607,
        order_status: "CANCELLED",
        cancel_reason: "not_accepted_in_time",
        payment: { payment_id: 9, payment_status: status, amount: 24_000, card: null } as never,
      });
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/orders/607": [json(cancelled("SUCCEEDED")), json(cancelled("REFUNDED"))],
    });
    renderApp("/orders/607");
    expect(await screen.findByTestId("cancel-reason")).toHaveTextContent("— refund in progress.");
    await waitFor(() => expect(screen.getByTestId("cancel-reason")).toHaveTextContent("— refunded."), { timeout: 5_000 });
    const calls = fake.calls("GET /api/v1/orders/607").length;
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(fake.calls("GET /api/v1/orders/607")).toHaveLength(calls); // no more looking once refunded
  }, 12_000);

  test("a cash order nobody accepted: nothing to refund", async () => {
    const unanswered = order({ order_id: 606, payment_mode: "COD", order_status: "CANCELLED", cancel_reason: "not_accepted_in_time" });
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/606": json(unanswered) });
    renderApp("/orders/606");
    expect(await screen.findByTestId("cancel-reason")).toHaveTextContent(/^The restaurant did not accept in time\.$/);
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

describe("the rider and the ETA, live", () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal("EventSource", FakeEventSource);
  });

  test("the rider's name, masked phone and the ETA appear as the stream sends them", async () => {
    const paid = order({ order_id: 610, order_status: "CONFIRMED", accept_by: new Date(Date.now() + 60_000).toISOString() });
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])), "GET /api/v1/orders/610": json(paid) });
    renderApp("/orders/610");
    expect(await screen.findByTestId("order-waiting")).toHaveTextContent("Waiting for Dosa Corner to accept your order.");
    expect(screen.queryByTestId("order-rider")).toBeNull();
    expect(screen.queryByTestId("order-eta")).toBeNull();
    const source = await waitFor(() => FakeEventSource.latest("/api/v1/orders/610/events")!);

    const eta = new Date(Date.now() + 32 * 60_000).toISOString();
    act(() => source.emit("status", { ...paid, order_status: "PREPARING", accept_by: null, eta, delivery: deliveryOf() }));
    expect(screen.getByTestId("order-eta")).toHaveTextContent(/Arriving around \d{1,2}:\d{2}\s?(am|pm) \(in 3[12] min\)/i);
    expect(screen.queryByTestId("order-rider")).toBeNull();

    const later = new Date(Date.now() + 28 * 60_000).toISOString();
    act(() => source.emit("status", { ...paid, order_status: "PREPARING", accept_by: null, eta: later, delivery: deliveryOf({ rider }) }));
    expect(screen.getByTestId("order-rider")).toHaveTextContent("Ravi Kumar · phone 98XXXXXX10");
    expect(screen.getByTestId("order-eta")).toHaveTextContent(/\(in 2[78] min\)/);
    expect(screen.getByText("Rider assigned")).toBeInTheDocument();
    expect(await seriousFindings()).toEqual([]);

    act(() => source.emit("status", { ...paid, order_status: "DELIVERED", accept_by: null, eta: null, delivery: deliveryOf({ rider, delivery_status: "DELIVERED" }) }));
    expect(screen.queryByTestId("order-eta")).toBeNull();
    expect(source.closed).toBe(true);
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
