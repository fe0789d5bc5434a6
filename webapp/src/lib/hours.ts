// When a closed restaurant opens, in India's time (restaurants keep IST hours, docs/design.md §3):
// "Closed · opens 16:00" the same day in IST, "Closed · opens Mon 11:00" on another.
export const RESTAURANT_TIME_ZONE = "Asia/Kolkata";

const clock = new Intl.DateTimeFormat("en-IN", {
  timeZone: RESTAURANT_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const weekday = new Intl.DateTimeFormat("en-IN", { timeZone: RESTAURANT_TIME_ZONE, weekday: "short" });
const day = new Intl.DateTimeFormat("en-IN", {
  timeZone: RESTAURANT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? "";
}

/** The calendar day in IST, as "yyyy-mm-dd". */
export function istDay(when: Date): string {
  const parts = day.formatToParts(when);
  return `${part(parts, "year")}-${part(parts, "month")}-${part(parts, "day")}`;
}

/** "16:00" (24-hour, IST). */
export function istTime(when: Date): string {
  const parts = clock.formatToParts(when);
  return `${part(parts, "hour")}:${part(parts, "minute")}`;
}

/** "16:00" when `opensAt` is on `now`'s day in IST, else "Mon 11:00"; null for no valid time. */
export function formatOpening(opensAt: string | null, now: Date = new Date()): string | null {
  if (opensAt === null) return null;
  const when = new Date(opensAt);
  if (Number.isNaN(when.getTime())) return null;
  const time = istTime(when);
  return istDay(when) === istDay(now) ? time : `${weekday.format(when)} ${time}`;
}

/** "Closed · opens 16:00", or just "Closed" when it has no next opening. */
export function closedLabel(opensAt: string | null, now: Date = new Date()): string {
  const opening = formatOpening(opensAt, now);
  return opening === null ? "Closed" : `Closed · opens ${opening}`;
}
