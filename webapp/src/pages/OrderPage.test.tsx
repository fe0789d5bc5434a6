import { screen } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json } from "../test/fetch";
import { cartOf, order, user } from "../test/fixtures";
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
