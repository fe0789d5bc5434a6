import { describe, expect, test } from "vitest";
import { cartChangedOf, closedOf } from "./conflicts";
import { ApiError, NetworkError } from "./errors";

const problem = (code: string, extra: Record<string, unknown>) => new ApiError({ status: 409, code, detail: "", extra });
const line = { food_id: 11, food_name: "Masala Dosa", old_price: 12_000, new_price: 12_500, available: true };
const gone = { food_id: 13, food_name: "Filter Coffee", old_price: 4_000, new_price: null, available: false };

describe("the details of a conflict", () => {
  test("cart_changed: its lines and the new total", () => {
    expect(cartChangedOf(problem("cart_changed", { changes: [line, gone], total_amount: 12_500 }))).toEqual({
      changes: [line, gone],
      total: 12_500,
    });
  });

  test("cart_changed without the expected shape, or another error, is not read", () => {
    expect(cartChangedOf(problem("cart_changed", { changes: [{ ...line, old_price: "120" }], total_amount: 1 }))).toBeNull();
    expect(cartChangedOf(problem("cart_changed", { changes: [line] }))).toBeNull();
    expect(cartChangedOf(problem("cart_changed", { changes: "x", total_amount: 1 }))).toBeNull();
    expect(cartChangedOf(problem("cart_empty", { changes: [line], total_amount: 1 }))).toBeNull();
    expect(cartChangedOf(new NetworkError())).toBeNull();
  });

  test("restaurant_closed: when it opens, or null", () => {
    expect(closedOf(problem("restaurant_closed", { opens_at: "2026-12-02T16:00:00+05:30" }))).toEqual({
      opensAt: "2026-12-02T16:00:00+05:30",
    });
    expect(closedOf(problem("restaurant_closed", { opens_at: null }))).toEqual({ opensAt: null });
    expect(closedOf(problem("cart_changed", { opens_at: "2026-12-02T16:00:00+05:30" }))).toBeNull();
  });
});
