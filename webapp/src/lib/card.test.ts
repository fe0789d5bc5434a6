import { describe, expect, test } from "vitest";
import {
  cardNumberHint,
  detectBrand,
  expiryInPast,
  formatCardNumber,
  luhnValid,
  parseExpiry,
} from "./card";

describe("Luhn", () => {
  test.each(["4242424242424242", "4000000000000002", "4242 4242 4242 4242", "378282246310005", "5555555555554444"])(
    "%s is valid",
    (number) => expect(luhnValid(number)).toBe(true),
  );
  test.each(["4242424242424241", "1234567890123", "42424242", "", "4".repeat(20)])("%s is not", (number) =>
    expect(luhnValid(number)).toBe(false),
  );

  test("a hint only once enough digits are typed, and only when they are wrong", () => {
    expect(cardNumberHint("4242")).toBeNull();
    expect(cardNumberHint("4242 4242 4242 4242")).toBeNull();
    expect(cardNumberHint("4242 4242 4242 4241")).toMatch(/doesn't look right/);
  });
});

describe("brand", () => {
  test.each([
    ["4242424242424242", "visa"],
    ["5555555555554444", "mastercard"],
    ["2221000000000009", "mastercard"],
    ["378282246310005", "amex"],
    ["6521000000000000", "rupay"],
    ["6070000000000000", "rupay"],
    ["6011111111111117", "discover"],
    ["36227206271667", "diners"],
    ["9999", null],
    ["", null],
  ])("%s is %s", (number, brand) => expect(detectBrand(number)).toBe(brand));

  test("numbers are grouped as printed", () => {
    expect(formatCardNumber("4242424242424242")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("4242-4242 42")).toBe("4242 4242 42");
    expect(formatCardNumber("378282246310005")).toBe("3782 822463 10005");
  });
});

describe("expiry", () => {
  test("MM/YY and MM/YYYY", () => {
    expect(parseExpiry("12/31")).toEqual({ month: 12, year: 2031 });
    expect(parseExpiry(" 3 / 2030 ")).toEqual({ month: 3, year: 2030 });
    expect(parseExpiry("13/30")).toBeNull();
    expect(parseExpiry("1230")).toBeNull();
  });

  test("past months are expired, the current month is not", () => {
    const now = new Date(2026, 4, 15); // May 2026
    expect(expiryInPast(4, 2026, now)).toBe(true);
    expect(expiryInPast(5, 2026, now)).toBe(false);
    expect(expiryInPast(1, 2027, now)).toBe(false);
  });
});
