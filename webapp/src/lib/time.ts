// Times the order's people are told: an ETA as a clock time and minutes from now, the
// partner's countdown to accept an order.
const CLOCK = new Intl.DateTimeFormat("en-IN", { hour: "numeric", minute: "2-digit" });

/** "7:45 pm" (in the browser's time zone). */
export function clockTime(iso: string): string {
  return CLOCK.format(new Date(iso));
}

/** Whole minutes from `now` to `iso`, rounded up (0 once it has passed). */
export function minutesUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 60_000));
}

/** "7:45 pm (in 23 min)"; "7:45 pm (any minute now)" once it is due. */
export function etaText(iso: string, now: number): string {
  const minutes = minutesUntil(iso, now);
  const from = minutes === 0 ? "any minute now" : minutes === 1 ? "in 1 min" : `in ${minutes} min`;
  return `${clockTime(iso)} (${from})`;
}

/** Seconds left from `now` until `iso` (0 once it has passed). */
export function secondsUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000));
}

/** 95 → "1:35". */
export function countdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
