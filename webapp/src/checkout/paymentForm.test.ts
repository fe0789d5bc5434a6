import { describe, expect, test } from "vitest";
import { EMPTY_PAYMENT, validatePayment } from "./paymentForm";

const now = new Date(2026, 0, 15);
const card = { ...EMPTY_PAYMENT, number: "4242 4242 4242 4242", expiry: "12/31", cvc: "123" };

describe("validatePayment", () => {
  test("a good card becomes the API's card body (digits only, four-digit year)", () => {
    expect(validatePayment({ ...card, name: " Asha " }, now)).toEqual({
      details: {
        payment_mode: "CARD",
        card: { number: "4242424242424242", exp_month: 12, exp_year: 2031, cvc: "123", name: "Asha" },
      },
    });
  });

  test("each wrong card field is named", () => {
    expect(validatePayment({ ...card, number: "4242 4242 4242 4241", expiry: "01/25", cvc: "12" }, now)).toEqual({
      errors: {
        number: "Enter a valid card number.",
        expiry: "This card has expired.",
        cvc: "Enter the 3-digit security code.",
      },
    });
    expect(validatePayment({ ...card, expiry: "1231" }, now)).toEqual({
      errors: { expiry: "Enter the expiry date as MM/YY." },
    });
  });

  test("American Express needs four CVC digits", () => {
    const amex = { ...card, number: "378282246310005" };
    expect(validatePayment(amex, now)).toEqual({ errors: { cvc: "Enter the 4-digit security code." } });
    expect("details" in validatePayment({ ...amex, cvc: "1234" }, now)).toBe(true);
  });

  test("UPI needs a VPA; cash needs nothing", () => {
    expect(validatePayment({ ...EMPTY_PAYMENT, mode: "UPI", vpa: "asha@okbank" })).toEqual({
      details: { payment_mode: "UPI", upi: { vpa: "asha@okbank" } },
    });
    expect(validatePayment({ ...EMPTY_PAYMENT, mode: "UPI", vpa: "asha" })).toEqual({
      errors: { vpa: "Enter a UPI ID like name@bank." },
    });
    expect(validatePayment({ ...EMPTY_PAYMENT, mode: "COD" })).toEqual({ details: { payment_mode: "COD" } });
  });
});
