import { describe, expect, test } from "vitest";
import { closedLabel, formatOpening, istDay, istTime } from "./hours";

// The test stack's clock: a Wednesday noon in India.
const noon = new Date("2026-12-02T12:00:00+05:30");

describe("opening times in India's time zone", () => {
  test("later the same day: the time only", () => {
    expect(closedLabel("2026-12-02T16:00:00+05:30", noon)).toBe("Closed · opens 16:00");
  });

  test("another day in IST: the weekday too", () => {
    expect(closedLabel("2026-12-07T11:00:00+05:30", noon)).toBe("Closed · opens Mon 11:00");
    expect(closedLabel("2026-12-03T00:30:00+05:30", noon)).toBe("Closed · opens Thu 00:30");
  });

  test("the day is India's, whatever the offset the instant is written with", () => {
    // 20:00 UTC on Dec 1 is 01:30 on Wednesday Dec 2 in India: the same day as noon there.
    expect(formatOpening("2026-12-01T20:00:00Z", noon)).toBe("01:30");
    // 19:00 UTC on Dec 2 is already Thursday in India, though it is still Wednesday in UTC.
    const lateUtc = new Date("2026-12-02T17:00:00Z"); // 22:30 IST, Wednesday
    expect(formatOpening("2026-12-02T19:00:00Z", lateUtc)).toBe("Thu 00:30");
  });

  test("no next opening, or a time that does not parse: just 'Closed'", () => {
    expect(closedLabel(null, noon)).toBe("Closed");
    expect(closedLabel("not a time", noon)).toBe("Closed");
  });

  test("istDay and istTime", () => {
    expect(istDay(new Date("2026-12-02T18:29:00Z"))).toBe("2026-12-02");
    expect(istDay(new Date("2026-12-02T18:30:00Z"))).toBe("2026-12-03");
    expect(istTime(new Date("2026-12-02T18:30:00Z"))).toBe("00:00");
  });
});
