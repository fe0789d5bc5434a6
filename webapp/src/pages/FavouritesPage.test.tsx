import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { Restaurant } from "../api/types";
import { fakeFetch, json } from "../test/fetch";
import { cartOf, restaurant, user } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

const { menu: _menu, ...dosaCorner } = restaurant;
const saved: Restaurant = { ...dosaCorner, restaurant_id: 2, restaurant_name: "Idli House", rating_count: 0 };

describe("favourites", () => {
  test("the restaurant page's toggle saves it; the favourites page lists it first", async () => {
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/favourites": json({ restaurants: [saved] }),
      "GET /api/v1/restaurants/1": json(restaurant),
      "PUT /api/v1/favourites/1": new Response(null, { status: 204 }),
    });
    const app = renderApp("/restaurants/1");
    const toggle = await screen.findByRole("button", { name: "Favourite" });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await app.user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute("aria-pressed", "true"));
    expect(fake.calls("PUT /api/v1/favourites/1")).toHaveLength(1);

    await app.user.click(screen.getByRole("link", { name: "Favourites" }));
    const list = await screen.findByRole("list", { name: "Favourite restaurants" });
    expect(within(list).getAllByRole("link").map((a) => a.textContent?.split("South Indian")[0])).toEqual([
      "DDosa Corner",
      "IIdli House",
    ]);
    expect(within(list).getByRole("button", { name: "Favourite: Idli House" })).toHaveAttribute("aria-pressed", "true");
  });

  test("none yet: the page says how to add one", async () => {
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/favourites": json({ restaurants: [] }),
    });
    renderApp("/favourites");
    expect(await screen.findByText("No favourites yet.")).toBeInTheDocument();
  });
});
