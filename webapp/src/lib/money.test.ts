import { describe, expect, test } from "vitest";
import { formatPaise, formatShortPaise } from "./money";

describe("formatPaise", () => {
  test.each([
    [0, "₹0.00"],
    [5, "₹0.05"],
    [12_000, "₹120.00"],
    [12_345, "₹123.45"],
    [1_00_000_00, "₹1,00,000.00"],
    [12_34_567_89, "₹12,34,567.89"],
  ])("%i paise is %s (Indian digit grouping)", (paise, text) => {
    expect(formatPaise(paise)).toBe(text);
  });

  test("refuses what is not an integer number of paise", () => {
    expect(() => formatPaise(1.5)).toThrow(RangeError);
    expect(() => formatPaise(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatShortPaise", () => {
  test.each([
    [2_000, "₹20"],
    [1_00_000_00, "₹1,00,000"],
    [2_050, "₹20.50"],
  ])("%i paise is %s", (paise, text) => {
    expect(formatShortPaise(paise)).toBe(text);
  });
});
