import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json, problem } from "../test/fetch";
import { cartOf, order, user } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

const full = { option_id: 2102, option_name: "Full", price_delta: 15_000 };
const past = order({
  order_id: 801,
  order_status: "DELIVERED",
  items: [
    { food_id: 21, food_name: "Veg Dum Biryani", price: 36_500, quantity: 1, line_total: 36_500, is_veg: true, options: [full] },
    { food_id: 14, food_name: "Rava Dosa", price: 12_000, quantity: 1, line_total: 12_000, is_veg: true, options: [] },
  ],
});
const refilled = cartOf([{ food_id: 21, food_name: "Veg Dum Biryani", quantity: 1, price: 36_500, options: [full] }]);

function routes(cart = cartOf([]), reorder: Response = json({ cart: refilled, unavailable: ["Rava Dosa"] })) {
  return fakeFetch({
    "GET /api/v1/me": json(user),
    "GET /api/v1/cart": json(cart),
    "GET /api/v1/favourites": json({ restaurants: [] }),
    "GET /api/v1/orders": json({ orders: [past, order({ order_id: 802, order_status: "PREPARING" })] }),
    "GET /api/v1/orders/801": json(past),
    "POST /api/v1/orders/801/reorder": reorder,
  });
}

describe("order again", () => {
  test("from the order list: the cart holds the order again, and names what could not be added", async () => {
    const fake = routes();
    const app = renderApp("/orders");
    await app.user.click(await screen.findByRole("button", { name: "Order again from Dosa Corner, order #801" }));
    await screen.findByRole("heading", { name: "Your cart" });
    expect(app.location()).toBe("/cart");
    expect(await screen.findByText("Your cart now holds order #801 again, at today's prices.")).toBeInTheDocument();
    expect(screen.getByTestId("reorder-unavailable")).toHaveTextContent("Not available any more, so not added: Rava Dosa.");
    expect(screen.getByRole("group", { name: "Quantity of Veg Dum Biryani (Full)" })).toHaveTextContent("1");
    expect(fake.calls("POST /api/v1/orders/801/reorder")).toHaveLength(1);
    // An order still under way is not offered.
    expect(screen.queryByRole("button", { name: /order #802/ })).toBeNull();
  });

  test("a cart that holds something is replaced only once the customer agrees", async () => {
    const fake = routes(cartOf([{ food_id: 90, food_name: "Momo", quantity: 2 }], { restaurant_id: 9, restaurant_name: "Momo Hut" }));
    const app = renderApp("/orders/801");
    await app.user.click(await screen.findByRole("button", { name: /^Order again/ }));
    const dialog = screen.getByRole("dialog", { name: "Replace your cart?" });
    expect(dialog).toHaveTextContent("Your cart has 2 items from Momo Hut. Ordering #801 again empties it first.");
    await app.user.click(within(dialog).getByRole("button", { name: "Keep my cart" }));
    expect(fake.calls("POST /api/v1/orders/801/reorder")).toEqual([]);
    await app.user.click(screen.getByRole("button", { name: /^Order again/ }));
    await app.user.click(screen.getByRole("button", { name: "Replace cart" }));
    await screen.findByRole("heading", { name: "Your cart" }, { timeout: 4_000 });
    expect(fake.calls("POST /api/v1/orders/801/reorder")).toHaveLength(1);
  });

  test("nothing left to order (409 nothing_to_reorder) is said where the button is", async () => {
    routes(cartOf([]), problem(409, "nothing_to_reorder"));
    const app = renderApp("/orders/801");
    await app.user.click(await screen.findByRole("button", { name: /^Order again/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("None of this order's dishes can be ordered today.");
    expect(app.location()).toBe("/orders/801");
    await waitFor(() => expect(screen.getByRole("button", { name: /^Order again/ })).toBeEnabled());
  });

  test("the order page lists each item's options", async () => {
    routes();
    renderApp("/orders/801");
    const items = await screen.findByRole("region", { name: "Dosa Corner" });
    expect(items).toHaveTextContent("1 × Veg Dum BiryaniFull");
  });
});
