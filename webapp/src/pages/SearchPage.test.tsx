import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { Restaurant } from "../api/types";
import { CITY_STORAGE_KEY } from "../state/city";
import { fakeFetch, json, problem } from "../test/fetch";
import { restaurant } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const PATH = "GET /api/v1/cities/560001/restaurants";

function named(id: number, name: string): Restaurant {
  const { menu: _menu, ...base } = restaurant;
  return { ...base, restaurant_id: id, restaurant_name: name };
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
});
