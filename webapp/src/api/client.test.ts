import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json, problem } from "../test/fetch";
import { buildUrl, onSessionExpired } from "./client";
import { readCookie } from "./csrf";
import { api } from "./endpoints";
import { ApiError, NetworkError } from "./errors";

afterEach(() => {
  document.cookie = "food_csrf=; max-age=0";
  vi.unstubAllGlobals();
});

describe("the API client", () => {
  test("sends the session cookie and, on unsafe methods, the CSRF token and idempotency key", async () => {
    document.cookie = "food_csrf=tok%2Ben";
    const { fetchMock, seen } = fakeFetch({
      "GET /api/v1/cart": json({ cart_id: 0, restaurant: null, food_items: [], bill: null, coupon: null, tip: 0, total_amount: 0, currency: "INR" }),
      "POST /api/v1/orders": json({ order_id: 1 }, 201),
    });
    await api.cart();
    await api.placeOrder(3, "COD", "key-123", 24_000);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ credentials: "same-origin", method: "GET" });
    expect(seen[0]!.headers["x-csrf-token"]).toBeUndefined();
    expect(seen[1]!.headers).toMatchObject({ "x-csrf-token": "tok+en", "idempotency-key": "key-123" });
    expect(seen[1]!.body).toEqual({ address_id: 3, payment_mode: "COD", expected_total: 24_000 });
  });

  test("a problem document becomes an ApiError with its code, fields and Retry-After", async () => {
    fakeFetch({
      "POST /api/v1/orders/5/payment": problem(402, "payment_declined", {
        failure_code: "card_declined",
        errors: [{ field: "card.number", message: "declined" }],
      }),
    });
    const error = await api.payOrder(5, { payment_mode: "COD" }, "k").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 402, code: "payment_declined", failureCode: "card_declined" });
    expect((error as ApiError).fieldErrors).toEqual([{ field: "card.number", message: "declined" }]);
  });

  test("a gateway error without a problem body still has a code", async () => {
    fakeFetch({ "GET /api/v1/cities": new Response("Bad Gateway", { status: 502 }) });
    await expect(api.cities()).rejects.toMatchObject({ status: 502, code: "service_unavailable" });
    fakeFetch({ "GET /api/v1/cities": new Response("slow down", { status: 429, headers: { "Retry-After": "2" } }) });
    await expect(api.cities()).rejects.toMatchObject({ code: "rate_limited", retryAfter: 2 });
  });

  test("fetch throwing is a NetworkError", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(api.cities()).rejects.toBeInstanceOf(NetworkError);
  });

  test("a 401 tells the session listeners; a wrong password does not", async () => {
    const listener = vi.fn();
    const stop = onSessionExpired(listener);
    fakeFetch({
      "GET /api/v1/cart": problem(401, "unauthenticated"),
      "POST /api/v1/auth/login": problem(401, "invalid_credentials"),
    });
    await expect(api.cart()).rejects.toBeInstanceOf(ApiError);
    await expect(api.login({ email: "a@b.co", password: "x" })).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  test("URLs: path parameters are encoded, empty query values dropped", () => {
    expect(buildUrl("/x/{id}", { id: "a b" }, { q: "dosa", veg: undefined, cuisine: "" })).toBe("/x/a%20b?q=dosa");
    expect(() => buildUrl("/x/{id}")).toThrow(/missing path parameter/);
  });

  test("search sends veg only when asked", async () => {
    const { seen } = fakeFetch({
      "GET /api/v1/cities/560001/restaurants": json({ restaurants: [], next_cursor: null }),
    });
    await api.searchRestaurants("560001", { q: "dosa", veg: false, sort: "rating" });
    await api.searchRestaurants("560001", { veg: true, min_rating: 4, cursor: "abc" });
    expect(seen.map((s) => s.path)).toEqual([
      "/api/v1/cities/560001/restaurants?q=dosa&sort=rating",
      "/api/v1/cities/560001/restaurants?veg=true&min_rating=4&cursor=abc",
    ]);
  });

  test("a placement says whether the API replayed an earlier order", async () => {
    fakeFetch({
      "POST /api/v1/orders": [
        json({ order_id: 1 }, 201),
        json({ order_id: 1 }, 201, { "Idempotent-Replayed": "true" }),
      ],
    });
    expect(await api.placeOrder(3, "CARD", "k1", 100)).toMatchObject({ order: { order_id: 1 }, replayed: false });
    expect(await api.placeOrder(3, "CARD", "k2", 100)).toMatchObject({ order: { order_id: 1 }, replayed: true });
  });

  test("a problem's own members (beyond the standard ones) are kept in extra", async () => {
    const changes = [{ food_id: 11, food_name: "Masala Dosa", old_price: 100, new_price: 150, available: true }];
    fakeFetch({ "POST /api/v1/orders": problem(409, "cart_changed", { changes, total_amount: 150 }) });
    const error = (await api.placeOrder(3, "CARD", "k", 100).catch((e: unknown) => e)) as ApiError;
    expect(error.extra).toEqual({ changes, total_amount: 150 });
  });

  test("search sends open_now only when asked; the delivery check names the address", async () => {
    const { seen } = fakeFetch({
      "GET /api/v1/cities/560001/restaurants": json({ restaurants: [], next_cursor: null }),
      "GET /api/v1/cart/delivery/3": json({ address_id: 3, serviceable: false, detail: "too far" }),
    });
    await api.searchRestaurants("560001", { open_now: false });
    await api.searchRestaurants("560001", { open_now: true });
    expect(await api.checkDelivery(3)).toEqual({ address_id: 3, serviceable: false, detail: "too far" });
    expect(seen.map((s) => s.path)).toEqual([
      "/api/v1/cities/560001/restaurants",
      "/api/v1/cities/560001/restaurants?open_now=true",
      "/api/v1/cart/delivery/3",
    ]);
  });

  test("cookies are read by name", () => {
    expect(readCookie("food_csrf", "a=1; food_csrf=x%3Dy; b=2")).toBe("x=y");
    expect(readCookie("food_csrf", "a=1")).toBeNull();
  });
});
