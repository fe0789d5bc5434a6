import { describe, expect, test } from "vitest";
import { formatCount, ratingCountText, ratingSpoken } from "./ratings";

describe("rating counts", () => {
  test("short forms: up to 999 as is, then k and M with one decimal, cut (never rounded up)", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(7)).toBe("7");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1_000)).toBe("1k");
    expect(formatCount(1_234)).toBe("1.2k");
    expect(formatCount(1_999)).toBe("1.9k");
    expect(formatCount(12_345)).toBe("12.3k");
    for (let n = 1_000; n < 10_000; n += 100) expect(formatCount(n)).toBe(`${Math.floor(n / 1_000)}${n % 1_000 ? `.${(n % 1_000) / 100}` : ""}k`);
    expect(formatCount(999_999)).toBe("999.9k");
    expect(formatCount(1_000_000)).toBe("1M");
    expect(formatCount(1_250_000)).toBe("1.2M");
  });

  test("not a count", () => {
    expect(() => formatCount(-1)).toThrow(RangeError);
    expect(() => formatCount(1.5)).toThrow(RangeError);
  });

  test("the label: New while nobody has rated, singular and plural", () => {
    expect(ratingCountText(0)).toBe("New");
    expect(ratingCountText(1)).toBe("1 rating");
    expect(ratingCountText(1_234)).toBe("1.2k ratings");
  });

  test("read out with every digit", () => {
    expect(ratingSpoken(4.3, 1_234)).toBe("Rated 4.3 out of 5 from 1,234 ratings");
    expect(ratingSpoken(4, 1)).toBe("Rated 4.0 out of 5 from 1 rating");
    expect(ratingSpoken(3.5, 0)).toBe("New: no ratings yet");
  });
});
