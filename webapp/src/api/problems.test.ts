import { describe, expect, test, vi } from "vitest";
import { ApiError, NetworkError } from "./errors";
import {
  PROBLEM_MESSAGES,
  UNREACHABLE_MESSAGE,
  couponErrorMessage,
  fieldErrors,
  messageFor,
  sentence,
} from "./problems";

const problem = (code: string, status = 409, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status, code, detail: `server says ${code}`, ...extra });

describe("messageFor", () => {
  test.each([
    ["cart_restaurant_conflict", "Your cart has dishes from another restaurant."],
    ["item_unavailable", "A dish in your cart just became unavailable. Remove it from your cart to continue."],
    ["invalid_credentials", "That email and password don't match. Please try again."],
    ["unauthenticated", "Your session has expired. Please sign in again."],
    ["cart_empty", "Your cart is empty. Add some dishes first."],
    ["email_taken", "An account with this email already exists. Try signing in instead."],
  ])("%s", (code, text) => expect(messageFor(problem(code))).toBe(text));

  test("a declined payment says why", () => {
    expect(messageFor(problem("payment_declined", 402, { failureCode: "card_declined" }))).toBe(
      "Your card was declined. Please try another card.",
    );
    expect(messageFor(problem("payment_declined", 402, { failureCode: "insufficient_funds" }))).toMatch(
      /insufficient funds/,
    );
    expect(messageFor(problem("payment_declined", 402, { failureCode: "something_new" }))).toBe(
      PROBLEM_MESSAGES.payment_declined,
    );
  });

  test("a closed restaurant says when it opens (India's time)", () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T12:00:00+05:30"), toFake: ["Date"] });
    try {
      expect(messageFor(problem("restaurant_closed", 409, { extra: { opens_at: "2026-12-02T16:00:00+05:30" } }))).toBe(
        "Closed · opens 16:00. You can order once it opens.",
      );
      expect(messageFor(problem("restaurant_closed", 409, { extra: { opens_at: "2026-12-07T11:00:00+05:30" } }))).toBe(
        "Closed · opens Mon 11:00. You can order once it opens.",
      );
      expect(messageFor(problem("restaurant_closed", 409, { extra: { opens_at: null } }))).toBe(
        "Closed. You can order once it opens.",
      );
    } finally {
      vi.useRealTimers();
    }
  });

  test("no answer at all is 'server unreachable'", () => {
    expect(messageFor(new NetworkError())).toBe(UNREACHABLE_MESSAGE);
    expect(messageFor(problem("service_unavailable", 503))).toMatch(/can't reach the server/);
  });

  test("an unknown code falls back to the server's detail, or a generic line for 5xx", () => {
    expect(messageFor(problem("brand_new_rule", 409))).toBe("server says brand_new_rule");
    expect(messageFor(problem("brand_new_failure", 500))).toBe(PROBLEM_MESSAGES.internal_error);
    expect(messageFor(new Error("boom"))).toBe(PROBLEM_MESSAGES.internal_error);
  });

  test("every code the API documents has a message", () => {
    const codes = [
      "validation_failed", "not_found", "email_taken", "phone_taken", "invalid_credentials",
      "cart_restaurant_conflict", "quantity_out_of_range", "cart_too_large", "item_unavailable",
      "cart_empty", "concurrent_update", "idempotency_key_reused", "request_in_progress",
      "payment_declined", "invalid_payment_details", "order_already_paid", "payment_unavailable",
      "invalid_transition", "forbidden", "conflict", "unauthenticated", "csrf_failed",
      "too_many_attempts", "malformed_json", "payload_too_large", "internal_error",
      "cart_changed", "restaurant_closed", "address_not_serviceable",
    ];
    expect(codes.filter((code) => !(code in PROBLEM_MESSAGES))).toEqual([]);
  });
});

describe("fieldErrors", () => {
  test("maps the API's field errors, optionally under a prefix", () => {
    const error = problem("invalid_payment_details", 422, {
      fieldErrors: [
        { field: "card.number", message: "fails the Luhn check" },
        { field: "upi.vpa", message: "bad" },
      ],
    });
    expect(fieldErrors(error, "card.")).toEqual({ number: "fails the Luhn check" });
    expect(fieldErrors(error)).toEqual({ "card.number": "fails the Luhn check", "upi.vpa": "bad" });
    expect(fieldErrors(new NetworkError())).toEqual({});
  });
});

describe("coupons and tips (issue 14)", () => {
  test("a refused coupon says what the API said of it, as a sentence naming the code", () => {
    const refused = problem("coupon_invalid", 422, {
      detail: "WELCOME50 is for a first order only",
      fieldErrors: [{ field: "code", message: "WELCOME50 is for a first order only" }],
      extra: { reason: "first_order_only" },
    });
    expect(messageFor(refused)).toBe("WELCOME50 is for a first order only.");
    expect(messageFor(problem("coupon_invalid", 422, { detail: "you have used HOUSE15 as many times as it allows" }))).toBe(
      "You have used HOUSE15 as many times as it allows.",
    );
    expect(messageFor(problem("coupon_invalid", 422, { detail: "" }))).toBe(PROBLEM_MESSAGES.coupon_invalid);
  });

  test("a malformed code: the field's message under the coupon field", () => {
    const malformed = problem("validation_failed", 422, {
      fieldErrors: [{ field: "code", message: "a coupon code is 3 to 20 letters and digits, like WELCOME50" }],
    });
    expect(couponErrorMessage(malformed)).toBe("A coupon code is 3 to 20 letters and digits, like WELCOME50.");
    expect(couponErrorMessage(problem("cart_empty"))).toBe(PROBLEM_MESSAGES.cart_empty);
    expect(couponErrorMessage(new NetworkError())).toBe(UNREACHABLE_MESSAGE);
  });

  test("a tip out of range", () => {
    expect(messageFor(problem("tip_out_of_range", 422))).toBe("A tip can be anything up to ₹500.");
  });

  test.each([
    ["MONSOON30 has expired", "MONSOON30 has expired."],
    ["already a sentence.", "Already a sentence."],
    ["  spaced  ", "Spaced."],
    ["", ""],
  ])("sentence(%j) is %j", (text, expected) => expect(sentence(text)).toBe(expected));
});
