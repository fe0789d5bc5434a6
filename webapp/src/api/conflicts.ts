// The details some problems carry beside their code (food_core/errors.py `details()`):
// 409 cart_changed lists what changed and the new total; 409 restaurant_closed says when
// the restaurant opens. Read defensively: a body that does not have the shape is ignored.
import { ApiError } from "./errors";

/** One cart line whose price or availability changed since the cart was shown. */
export interface CartChange {
  food_id: number;
  food_name: string;
  /** Paise, as the cart held it. */
  old_price: number;
  /** Paise now; null when the dish is gone from the menu. */
  new_price: number | null;
  available: boolean;
}

export interface CartChanged {
  changes: CartChange[];
  /** What the cart costs now (the server has already repriced it), in paise. */
  total: number;
}

const isPaise = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isChange(value: unknown): value is CartChange {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(v.food_id) &&
    typeof v.food_name === "string" &&
    isPaise(v.old_price) &&
    (v.new_price === null || isPaise(v.new_price)) &&
    typeof v.available === "boolean"
  );
}

/** The changes and new total of a 409 cart_changed; null for any other error. */
export function cartChangedOf(error: unknown): CartChanged | null {
  if (!(error instanceof ApiError) || error.code !== "cart_changed") return null;
  const { changes, total_amount } = error.extra;
  if (!Array.isArray(changes) || !changes.every(isChange) || !isPaise(total_amount)) return null;
  return { changes, total: total_amount };
}

/** A 409 restaurant_closed: when it opens next (ISO 8601, IST), or null if never. */
export function closedOf(error: unknown): { opensAt: string | null } | null {
  if (!(error instanceof ApiError) || error.code !== "restaurant_closed") return null;
  const opensAt = error.extra.opens_at;
  return { opensAt: typeof opensAt === "string" ? opensAt : null };
}
