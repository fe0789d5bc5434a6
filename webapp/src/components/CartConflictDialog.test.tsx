import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json, problem } from "../test/fetch";
import { cartOf, restaurant, user } from "../test/fixtures";
import { renderApp } from "../test/render";
import { CartConflictPrompt } from "./CartConflictDialog";

afterEach(() => vi.unstubAllGlobals());

const pizzaCart = cartOf([{ food_id: 21, food_name: "Margherita", quantity: 1 }], {
  restaurant_id: 2,
  restaurant_name: "Slice of Bandra",
});

describe("the cart conflict dialog", () => {
  test("adding from another restaurant asks first; 'Start new cart' replaces the cart", async () => {
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(pizzaCart),
      "GET /api/v1/restaurants/1": json(restaurant),
      "PUT /api/v1/cart/items/11": [
        problem(409, "cart_restaurant_conflict"),
        json(cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 1 }])),
      ],
    });
    const app = renderApp("/restaurants/1");
    await app.user.click(await screen.findByRole("button", { name: "Add Masala Dosa" }));

    const dialog = await screen.findByRole("dialog", { name: "Start a new cart?" });
    expect(dialog).toHaveTextContent("Your cart has dishes from Slice of Bandra.");
    expect(dialog).toHaveTextContent("Adding Masala Dosa from Dosa Corner will empty it first.");
    expect(screen.getByRole("button", { name: "Keep my cart" })).toHaveFocus();

    await app.user.click(screen.getByRole("button", { name: "Start new cart" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const puts = fake.calls("PUT /api/v1/cart/items/11");
    expect(puts.map((p) => p.body)).toEqual([{ quantity: 1 }, { quantity: 1, replace_cart: true }]);
    expect(await screen.findByRole("group", { name: "Quantity of Masala Dosa" })).toBeInTheDocument();
  });

  test("'Keep my cart' (or Escape) changes nothing", async () => {
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(pizzaCart),
      "GET /api/v1/restaurants/1": json(restaurant),
      "PUT /api/v1/cart/items/11": problem(409, "cart_restaurant_conflict"),
    });
    const app = renderApp("/restaurants/1");
    await app.user.click(await screen.findByRole("button", { name: "Add Masala Dosa" }));
    await app.user.click(await screen.findByRole("button", { name: "Keep my cart" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await app.user.click(screen.getByRole("button", { name: "Add Masala Dosa" }));
    await screen.findByRole("dialog");
    await app.user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(fake.calls("PUT /api/v1/cart/items/11").every((p) => !("replace_cart" in (p.body as object)))).toBe(true);
    expect(screen.getByRole("button", { name: "Add Masala Dosa" })).toHaveFocus(); // focus returns
  });

  test("focus stays inside the dialog", async () => {
    const user = userEvent.setup();
    render(
      <CartConflictPrompt
        currentRestaurant="A"
        dishName="B"
        newRestaurant="C"
        busy={false}
        error={null}
        onKeep={() => {}}
        onReplace={() => {}}
      />,
    );
    const keep = screen.getByRole("button", { name: "Keep my cart" });
    const replace = screen.getByRole("button", { name: "Start new cart" });
    expect(keep).toHaveFocus();
    await user.tab();
    expect(replace).toHaveFocus();
    await user.tab();
    expect(keep).toHaveFocus();
    await user.tab({ shift: true });
    expect(replace).toHaveFocus();
  });
});
