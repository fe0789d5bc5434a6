import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json, problem } from "../test/fetch";
import { cartOf, restaurant, user } from "../test/fixtures";
import { renderApp } from "../test/render";
import { groupByCategory } from "./RestaurantPage";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the restaurant page", () => {
  test("the menu is grouped by category, with veg marks and prices in rupees", async () => {
    fakeFetch({ "GET /api/v1/me": problem(401, "unauthenticated"), "GET /api/v1/restaurants/1": json(restaurant) });
    renderApp("/restaurants/1");
    await screen.findByRole("heading", { level: 1, name: "Dosa Corner" });
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["Dosa", "Drinks", "Mains"]);
    const mains = screen.getByRole("region", { name: "Mains" });
    expect(within(mains).getByRole("img", { name: "Non-vegetarian" })).toBeInTheDocument();
    expect(within(mains).getByText("₹120.00")).toBeInTheDocument();
    expect(screen.getByText("Rated 4.5 out of 5 from 1,234 ratings")).toBeInTheDocument();
    expect(screen.getByText("★ 4.5 · 1.2k ratings")).toBeInTheDocument();
  });

  test("an unavailable dish cannot be added", async () => {
    fakeFetch({ "GET /api/v1/me": problem(401, "unauthenticated"), "GET /api/v1/restaurants/1": json(restaurant) });
    renderApp("/restaurants/1");
    expect(await screen.findByRole("button", { name: "Rava Dosa is unavailable" })).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Add Rava Dosa" })).not.toBeInTheDocument();
  });

  test("adding and stepping quantities; the cart bar shows the total", async () => {
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/restaurants/1": json(restaurant),
      "PUT /api/v1/cart/items/11": [
        json(cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 1 }])),
        json(cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 2 }])),
        json(cartOf([])),
      ],
    });
    const app = renderApp("/restaurants/1");
    await app.user.click(await screen.findByRole("button", { name: "Add Masala Dosa" }));
    await app.user.click(await screen.findByRole("button", { name: "One more Masala Dosa" }));
    expect(await screen.findByText("₹240.00")).toBeInTheDocument();
    expect(screen.getByText(/2 items/)).toBeInTheDocument();
    await app.user.click(screen.getByRole("button", { name: "One less Masala Dosa" }));
    expect(await screen.findByRole("button", { name: "Add Masala Dosa" })).toBeInTheDocument();
    expect(fake.calls("PUT /api/v1/cart/items/11").map((c) => c.body)).toEqual([
      { quantity: 1 },
      { quantity: 2 },
      { quantity: 1 },
    ]);
  });

  test("a dish that became unavailable meanwhile is explained", async () => {
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/restaurants/1": json(restaurant),
      "PUT /api/v1/cart/items/11": problem(409, "item_unavailable"),
    });
    const app = renderApp("/restaurants/1");
    await app.user.click(await screen.findByRole("button", { name: "Add Masala Dosa" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/just became unavailable/);
  });

  test("signed out, adding a dish leads to sign in", async () => {
    fakeFetch({ "GET /api/v1/me": problem(401, "unauthenticated"), "GET /api/v1/restaurants/1": json(restaurant) });
    const app = renderApp("/restaurants/1");
    await app.user.click(await screen.findByRole("button", { name: "Add Masala Dosa" }));
    await screen.findByRole("heading", { name: "Sign in" });
    expect(app.location()).toBe("/login?next=%2Frestaurants%2F1");
  });

  test("an unknown restaurant is the 404 page", async () => {
    fakeFetch({ "GET /api/v1/me": problem(401, "unauthenticated"), "GET /api/v1/restaurants/9": problem(404, "not_found") });
    renderApp("/restaurants/9");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });

  test("a closed restaurant says when it opens; nothing can be added, a line can still be taken out", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T12:00:00+05:30"), toFake: ["Date"] });
    const closed = { ...restaurant, is_open: false, opens_at: "2026-12-07T11:00:00+05:30" };
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 1 }])),
      "GET /api/v1/restaurants/1": json(closed),
    });
    renderApp("/restaurants/1");
    expect(await screen.findByText("Closed · opens Mon 11:00")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add Filter Coffee" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Add Egg Curry" })).toBeDisabled();
    const stepper = await screen.findByRole("group", { name: "Quantity of Masala Dosa" });
    expect(within(stepper).getByRole("button", { name: "One more Masala Dosa" })).toBeDisabled();
    expect(within(stepper).getByRole("button", { name: "Remove Masala Dosa" })).toBeEnabled();
    vi.useRealTimers();
  });

  test("an open restaurant shows no closed note", async () => {
    fakeFetch({ "GET /api/v1/me": problem(401, "unauthenticated"), "GET /api/v1/restaurants/1": json(restaurant) });
    renderApp("/restaurants/1");
    expect(await screen.findByRole("button", { name: "Add Filter Coffee" })).toBeEnabled();
    expect(screen.queryByText(/^Closed/)).toBeNull();
  });

  test("closed meanwhile (409 restaurant_closed): the message, and the menu read again shows it closed", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T12:00:00+05:30"), toFake: ["Date"] });
    const opensAt = "2026-12-02T16:00:00+05:30";
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/restaurants/1": [json(restaurant), json({ ...restaurant, is_open: false, opens_at: opensAt })],
      "PUT /api/v1/cart/items/11": problem(409, "restaurant_closed", { opens_at: opensAt }),
    });
    const app = renderApp("/restaurants/1");
    await app.user.click(await screen.findByRole("button", { name: "Add Masala Dosa" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Closed · opens 16:00. You can order once it opens.");
    await waitFor(() => expect(screen.getByRole("button", { name: "Add Masala Dosa" })).toBeDisabled());
    expect(screen.getByText("Closed · opens 16:00")).toBeInTheDocument();
    expect(fake.calls("GET /api/v1/restaurants/1")).toHaveLength(2);
    vi.useRealTimers();
  });

  test("groupByCategory keeps the API's order", () => {
    expect(groupByCategory(restaurant.menu).map(([c, items]) => [c, items.length])).toEqual([
      ["Dosa", 2],
      ["Drinks", 1],
      ["Mains", 1],
    ]);
  });
});
