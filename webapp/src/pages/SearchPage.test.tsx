import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { RestaurantHit } from "../api/types";
import { CITY_STORAGE_KEY } from "../state/city";
import { fakeFetch, json, problem } from "../test/fetch";
import { restaurant, user } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const PATH = "GET /api/v1/cities/560001/restaurants";

function named(id: number, name: string, extra: Partial<RestaurantHit> = {}): RestaurantHit {
  const { menu: _menu, ...base } = restaurant;
  return { ...base, restaurant_id: id, restaurant_name: name, matched_dishes: [], ...extra };
}

function choose(city = { pincode: "560001", city_name: "Bengaluru" }) {
  localStorage.setItem(CITY_STORAGE_KEY, JSON.stringify(city));
}

describe("restaurant search", () => {
  test("without a city the customer picks one, and it is remembered", async () => {
    fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      "GET /api/v1/cities": json({ cities: [{ pincode: "560001", city_name: "Bengaluru" }] }),
      [PATH]: json({ restaurants: [named(1, "Dosa Corner")], next_cursor: null }),
    });
    const app = renderApp("/");
    await app.user.click(await screen.findByRole("button", { name: /Bengaluru/ }));
    await screen.findByRole("heading", { name: "Restaurants in Bengaluru" });
    expect(JSON.parse(localStorage.getItem(CITY_STORAGE_KEY)!)).toEqual({ pincode: "560001", city_name: "Bengaluru" });
  });

  test("typing is debounced into one search; filters and sort go along", async () => {
    choose();
    const fake = fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: json({ restaurants: [named(1, "Dosa Corner")], next_cursor: null }),
    });
    const app = renderApp("/");
    await screen.findByRole("link", { name: /Dosa Corner/ });
    const searches = () => fake.calls(PATH).map((c) => c.path.split("?")[1] ?? "");
    await waitFor(() => expect(searches()).toContain("sort=rating&limit=6"));
    const before = searches().length;

    await app.user.type(screen.getByRole("searchbox", { name: "Search" }), "dosa");
    await waitFor(() => expect(searches()).toContain("q=dosa&sort=rating&limit=6"));
    expect(searches().slice(before).filter((q) => q.startsWith("q="))).toEqual(["q=dosa&sort=rating&limit=6"]);

    await app.user.click(screen.getByRole("checkbox", { name: "Pure veg only" }));
    await app.user.selectOptions(screen.getByLabelText("Rating"), "4");
    await app.user.selectOptions(screen.getByLabelText("Sort by"), "delivery_time");
    await waitFor(() =>
      expect(searches().at(-1)).toBe("q=dosa&veg=true&min_rating=4&sort=delivery_time&limit=6"),
    );
    expect(app.location()).toBe("/?q=dosa&veg=1&min_rating=4&sort=delivery_time");
  });

  test("'Open now' asks for open_now=true; a closed restaurant says when it opens", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T12:00:00+05:30"), toFake: ["Date"] });
    choose();
    const stall = { ...named(2, "Chaat Stall"), is_open: false, opens_at: "2026-12-02T16:00:00+05:30" };
    const fake = fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: json({ restaurants: [named(1, "Dosa Corner"), stall], next_cursor: null }),
    });
    const app = renderApp("/");
    expect(await screen.findByRole("link", { name: /Chaat Stall/ })).toHaveTextContent("Closed · opens 16:00");
    expect(screen.getByRole("link", { name: /Dosa Corner/ })).not.toHaveTextContent("Closed");

    await app.user.click(screen.getByRole("checkbox", { name: "Open now" }));
    await waitFor(() => expect(fake.calls(PATH).at(-1)!.path).toContain("open_now=true"));
    expect(app.location()).toBe("/?open=1");
    vi.useRealTimers();
  });

  test("'More results' fetches the next page with next_cursor", async () => {
    choose();
    const fake = fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: [
        json({ restaurants: [named(1, "Dosa Corner"), named(2, "Idli House")], next_cursor: "CUR1" }),
        json({ restaurants: [named(1, "Dosa Corner"), named(2, "Idli House")], next_cursor: "CUR1" }),
        json({ restaurants: [named(3, "Vada Point")], next_cursor: null }),
      ],
    });
    const app = renderApp("/");
    await screen.findByRole("link", { name: /Idli House/ });
    fake.fetchMock.mockClear();
    await app.user.click(screen.getByRole("button", { name: "More results" }));
    await screen.findByRole("link", { name: /Vada Point/ });
    expect(screen.getAllByRole("listitem").length).toBeGreaterThanOrEqual(3);
    expect(fake.seen.at(-1)!.path).toContain("cursor=CUR1");
    expect(screen.queryByRole("button", { name: "More results" })).not.toBeInTheDocument();
  });

  test("no results offers to clear the filters", async () => {
    choose();
    fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: json({ restaurants: [], next_cursor: null }),
    });
    renderApp("/?q=zzz");
    expect(await screen.findByText("No restaurants match.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Clear search and filters" })).toBeInTheDocument();
  });

  test("a failed search says the server is unreachable and offers a retry", async () => {
    choose();
    const fake = fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: new Response("", { status: 503 }),
    });
    const app = renderApp("/");
    expect(await screen.findByRole("alert")).toHaveTextContent("We can't reach the server right now.");
    const before = fake.calls(PATH).length;
    await app.user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(fake.calls(PATH).length).toBeGreaterThan(before));
  });

  test("a dish search says which dishes matched; the rating shows its count", async () => {
    choose();
    fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: json({
        restaurants: [
          named(1, "Red Earth Degh", {
            matched_dishes: ["Chicken Dum Biryani", "Egg Biryani", "Mushroom Biryani", "Veg Dum Biryani", "Paneer Biryani"],
            restaurant_rating: 4.3,
            rating_count: 1_234,
          }),
          named(2, "Tulsi Rasoi", { matched_dishes: ["Egg Biryani"], rating_count: 0 }),
          named(3, "Biryani Blues"),
        ],
        next_cursor: null,
      }),
    });
    renderApp("/?q=biryani");
    const first = await screen.findByRole("link", { name: /Red Earth Degh/ });
    expect(first).toHaveTextContent("Matches: Chicken Dum Biryani, Egg Biryani, Mushroom Biryani and 2 more");
    expect(first).toHaveTextContent("★ 4.3 · 1.2k ratings");
    expect(first).toHaveTextContent("Rated 4.3 out of 5 from 1,234 ratings");
    const second = screen.getByRole("link", { name: /Tulsi Rasoi/ });
    expect(second).toHaveTextContent("Matches: Egg Biryani");
    expect(second).toHaveTextContent("★ New");
    // Matched by its name, not a dish: nothing to list.
    expect(screen.getByRole("link", { name: /Biryani Blues/ })).not.toHaveTextContent("Matches");
  });

  test("cost for two (paise to the API, rupees in the URL) and the cost sort", async () => {
    choose();
    const fake = fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: json({ restaurants: [named(1, "Dosa Corner")], next_cursor: null }),
    });
    const app = renderApp("/");
    await screen.findByRole("link", { name: /Dosa Corner/ });
    const cost = screen.getByLabelText("Cost for two");
    expect([...(cost as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Any cost",
      "Up to ₹300",
      "Up to ₹500",
      "Up to ₹800",
      "Up to ₹1,200",
    ]);
    await app.user.selectOptions(cost, "500");
    await app.user.selectOptions(screen.getByLabelText("Sort by"), "cost");
    await waitFor(() => expect(fake.calls(PATH).at(-1)!.path.split("?")[1]).toBe("max_cost_for_two=50000&sort=cost&limit=6"));
    expect(app.location()).toBe("/?max_cost=500&sort=cost");
  });

  test("a card's heart saves the restaurant to favourites (a toggle beside the link)", async () => {
    choose();
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json({ cart_id: 0, restaurant: null, food_items: [], bill: null, coupon: null, tip: 0, total_amount: 0, currency: "INR" }),
      "GET /api/v1/favourites": json({ restaurants: [] }),
      "PUT /api/v1/favourites/1": new Response(null, { status: 204 }),
      "DELETE /api/v1/favourites/1": new Response(null, { status: 204 }),
      [PATH]: json({ restaurants: [named(1, "Dosa Corner")], next_cursor: null }),
    });
    const app = renderApp("/");
    const heart = await screen.findByRole("button", { name: "Favourite: Dosa Corner" });
    await waitFor(() => expect(heart).toBeEnabled());
    expect(heart).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("link", { name: /Dosa Corner/ })).not.toContainElement(heart);
    await app.user.click(heart);
    await waitFor(() => expect(heart).toHaveAttribute("aria-pressed", "true"));
    await app.user.click(heart);
    await waitFor(() => expect(heart).toHaveAttribute("aria-pressed", "false"));
    expect(fake.seen.filter((s) => s.path.startsWith("/api/v1/favourites/")).map((s) => s.method)).toEqual(["PUT", "DELETE"]);
  });

  test("signed out, the heart leads to sign in", async () => {
    choose();
    fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      [PATH]: json({ restaurants: [named(1, "Dosa Corner")], next_cursor: null }),
    });
    const app = renderApp("/");
    await app.user.click(await screen.findByRole("button", { name: "Favourite: Dosa Corner" }));
    await screen.findByRole("heading", { name: "Sign in" });
  });
});
