import { describe, expect, test } from "vitest";
import { tipPaise } from "./TipSection";

describe("tipPaise", () => {
  test.each([
    ["40", 4_000],
    [" 45.5 ", 4_550],
    ["0.05", 5],
    ["600", 60_000], // the API says whether it is too much
  ])("%j rupees is %i paise", (text, paise) => expect(tipPaise(text)).toBe(paise));

  test.each(["", "abc", "-5", "4.555", "1e3", "₹40"])("%j is not an amount", (text) => {
    expect(tipPaise(text)).toBeNull();
  });
});
