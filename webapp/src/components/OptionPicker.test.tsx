import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { seriousFindings } from "../test/axe";
import { fakeFetch, json, problem } from "../test/fetch";
import { biryani, cartOf, restaurant, user } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

const menu = { ...restaurant, is_veg_only: false, menu: [...restaurant.menu, biryani] };
const full = { option_id: 2102, option_name: "Full", price_delta: 15_000 };
const raita = { option_id: 2103, option_name: "Extra raita", price_delta: 3_000 };
const salan = { option_id: 2104, option_name: "Mirchi ka salan", price_delta: 3_500 };
const added = cartOf([{ food_id: 21, food_name: "Veg Dum Biryani", quantity: 2, price: 43_000, options: [full, raita, salan] }]);

function open(routes: Record<string, Response | Response[]> = {}) {
  const fake = fakeFetch({
    "GET /api/v1/me": json(user),
    "GET /api/v1/cart": json(cartOf([])),
    "GET /api/v1/favourites": json({ restaurants: [] }),
    "GET /api/v1/restaurants/1": json(menu),
    ...routes,
  });
  return { fake, app: renderApp("/restaurants/1") };
}

async function picker(app: ReturnType<typeof open>["app"]) {
  await app.user.click(await screen.findByRole("button", { name: "Add Veg Dum Biryani" }));
  return screen.getByRole("dialog", { name: "Veg Dum Biryani" });
}

describe("the option picker", () => {
  test("required groups marked; radio buttons for one, checkboxes up to the most; sold out disabled", async () => {
    const { app } = open();
    expect(await screen.findByRole("button", { name: "Add Veg Dum Biryani" })).toHaveAttribute("aria-haspopup", "dialog");
    const dialog = await picker(app);
    const portion = within(dialog).getByRole("group", { name: "Portion Required" });
    expect(portion).toHaveAccessibleDescription("Required · choose 1");
    expect(within(portion).getAllByRole("radio").map((r) => r.closest("label")!.textContent)).toEqual(["Half", "Full+ ₹150.00"]);
    const addOns = within(dialog).getByRole("group", { name: "Add-ons" });
    expect(addOns).toHaveAccessibleDescription("Optional · choose up to 2 · 0 of 2 chosen");
    expect(within(addOns).getAllByRole("checkbox")).toHaveLength(4);
    expect(within(addOns).getByRole("checkbox", { name: /Boiled egg/ })).toBeDisabled();
    expect(within(addOns).getByText("Sold out")).toBeInTheDocument();

    await app.user.click(within(addOns).getByRole("checkbox", { name: /Extra raita/ }));
    await app.user.click(within(addOns).getByRole("checkbox", { name: /Mirchi ka salan/ }));
    // Two of two: the rest wait until one is taken off.
    expect(within(addOns).getByRole("checkbox", { name: /Papad/ })).toBeDisabled();
    expect(addOns).toHaveAccessibleDescription("Optional · choose up to 2 · 2 of 2 chosen");
    await app.user.click(within(addOns).getByRole("checkbox", { name: /Mirchi ka salan/ }));
    expect(within(addOns).getByRole("checkbox", { name: /Papad/ })).toBeEnabled();
    expect(await seriousFindings()).toEqual([]);
  });

  test("the price follows the choice and the quantity", async () => {
    const { app } = open();
    const dialog = await picker(app);
    const price = within(dialog).getByTestId("picker-price");
    expect(price).toHaveTextContent("₹215.00");
    await app.user.click(within(dialog).getByRole("radio", { name: /Full/ }));
    expect(price).toHaveTextContent("₹365.00");
    await app.user.click(within(dialog).getByRole("checkbox", { name: /Extra raita/ }));
    expect(price).toHaveTextContent("₹395.00");
    await app.user.click(within(dialog).getByRole("button", { name: "One more Veg Dum Biryani" }));
    expect(price).toHaveTextContent("₹790.00");
    expect(within(dialog).getByRole("button", { name: "Add to cart · ₹790.00" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "One less Veg Dum Biryani" })).toBeEnabled();
    await app.user.click(within(dialog).getByRole("button", { name: "One less Veg Dum Biryani" }));
    expect(within(dialog).getByRole("button", { name: "One less Veg Dum Biryani" })).toBeDisabled(); // at least 1
  });

  test("a required choice missing: nothing is sent, the group says what to choose", async () => {
    const { app, fake } = open();
    const dialog = await picker(app);
    await app.user.click(within(dialog).getByRole("button", { name: /^Add to cart/ }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Still to choose: Portion.");
    const portion = within(dialog).getByRole("group", { name: "Portion Required" });
    expect(portion).toHaveAccessibleDescription("Required · choose 1 Choose a portion.");
    expect(portion).toHaveAttribute("aria-invalid", "true");
    expect(within(portion).getByRole("radio", { name: "Half" })).toHaveFocus();
    expect(fake.calls("POST /api/v1/cart/lines")).toEqual([]);
  });

  test("added: the options in menu order, the quantity; the dialog closes and says what was added", async () => {
    const { app, fake } = open({ "POST /api/v1/cart/lines": json(added) });
    const dialog = await picker(app);
    await app.user.click(within(dialog).getByRole("checkbox", { name: /Mirchi ka salan/ }));
    await app.user.click(within(dialog).getByRole("radio", { name: /Full/ }));
    await app.user.click(within(dialog).getByRole("checkbox", { name: /Extra raita/ }));
    await app.user.click(within(dialog).getByRole("button", { name: "One more Veg Dum Biryani" }));
    await app.user.click(within(dialog).getByRole("button", { name: "Add to cart · ₹860.00" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.calls("POST /api/v1/cart/lines").map((c) => c.body)).toEqual([
      { food_id: 21, option_ids: [2102, 2103, 2104], quantity: 2 },
    ]);
    expect(screen.getByRole("status")).toHaveTextContent("Added 2 × Veg Dum Biryani (Full, Extra raita, Mirchi ka salan)");
    expect(screen.getByTestId("in-cart-21")).toHaveTextContent("2 in cart");
    // Another choice is another line: the button still opens the picker.
    expect(screen.getByRole("button", { name: "Add Veg Dum Biryani" })).toBeEnabled();
  });

  test("the API's refusal is shown by the group it names, and the menu is read again", async () => {
    const refusal = problem(422, "options_invalid", {
      errors: [{ field: "option_ids", message: "Extra raita (Add-ons) is not available right now" }],
      group_name: "Add-ons",
    });
    const { app, fake } = open({ "POST /api/v1/cart/lines": refusal });
    const dialog = await picker(app);
    await app.user.click(within(dialog).getByRole("radio", { name: "Half" }));
    await app.user.click(within(dialog).getByRole("checkbox", { name: /Extra raita/ }));
    await app.user.click(within(dialog).getByRole("button", { name: /^Add to cart/ }));
    const addOns = within(dialog).getByRole("group", { name: "Add-ons" });
    await waitFor(() =>
      expect(addOns).toHaveAccessibleDescription(/Extra raita \(Add-ons\) is not available right now\.$/),
    );
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    await waitFor(() => expect(fake.calls("GET /api/v1/restaurants/1")).toHaveLength(2));
  });

  test("another restaurant's cart: the picker gives way to the conflict dialog, which adds the same line", async () => {
    const { app, fake } = open({
      "GET /api/v1/cart": json(cartOf([{ food_id: 90, food_name: "Momo", quantity: 1 }], { restaurant_id: 9, restaurant_name: "Momo Hut" })),
      "POST /api/v1/cart/lines": [problem(409, "cart_restaurant_conflict"), json(added)],
    });
    const dialog = await picker(app);
    await app.user.click(within(dialog).getByRole("radio", { name: /Full/ }));
    await app.user.click(within(dialog).getByRole("button", { name: /^Add to cart/ }));
    const conflict = await screen.findByRole("dialog", { name: "Start a new cart?" });
    expect(screen.queryByRole("dialog", { name: "Veg Dum Biryani" })).toBeNull();
    await app.user.click(within(conflict).getByRole("button", { name: "Start new cart" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.calls("POST /api/v1/cart/lines").map((c) => c.body)).toEqual([
      { food_id: 21, option_ids: [2102], quantity: 1 },
      { food_id: 21, option_ids: [2102], quantity: 1, replace_cart: true },
    ]);
  });

  test("Escape and Cancel close it without adding", async () => {
    const { app, fake } = open();
    await picker(app);
    await app.user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    const dialog = await picker(app);
    await app.user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fake.calls("POST /api/v1/cart/lines")).toEqual([]);
  });
});
