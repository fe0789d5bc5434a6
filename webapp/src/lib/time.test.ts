import { describe, expect, test } from "vitest";
import { countdown, etaText, minutesUntil, secondsUntil } from "./time";

const now = Date.parse("2026-01-01T10:00:00Z");

describe("times", () => {
  test("minutes until an ETA round up and stop at 0", () => {
    expect(minutesUntil("2026-01-01T10:22:10Z", now)).toBe(23);
    expect(minutesUntil("2026-01-01T09:59:00Z", now)).toBe(0);
  });

  test("an ETA reads as a time and minutes from now", () => {
    expect(etaText("2026-01-01T10:23:00Z", now)).toMatch(/^\d{1,2}:\d{2}\s?(am|pm) \(in 23 min\)$/i);
    expect(etaText("2026-01-01T10:01:00Z", now)).toMatch(/\(in 1 min\)$/);
    expect(etaText("2026-01-01T09:50:00Z", now)).toMatch(/\(any minute now\)$/);
  });

  test("a countdown in minutes and seconds", () => {
    expect(secondsUntil("2026-01-01T10:01:35Z", now)).toBe(95);
    expect(countdown(95)).toBe("1:35");
    expect(countdown(9)).toBe("0:09");
    expect(countdown(-3)).toBe("0:00");
  });
});
