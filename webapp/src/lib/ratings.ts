// How many ratings a restaurant's score is made of, the way food apps write it.

const WHOLE = new Intl.NumberFormat("en-IN");

/** Cut (not rounded) to one decimal and written without a trailing ".0": 1,950 is 1.9k,
 * never 2k, so a count is never shown above what it is. */
function short(count: number, per: number, unit: string): string {
  const tenths = Math.floor(count / (per / 10)); // integers only: no 2.3 × 10 = 22.99…
  return `${Math.floor(tenths / 10)}${tenths % 10 === 0 ? "" : `.${tenths % 10}`}${unit}`;
}

/** 999 → "999", 1,234 → "1.2k", 12,345 → "12.3k", 1,250,000 → "1.2M". */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  if (count < 1_000) return String(count);
  if (count < 1_000_000) return short(count, 1_000, "k");
  return short(count, 1_000_000, "M");
}

/** "1.2k ratings", "1 rating"; "New" while nobody has rated it. */
export function ratingCountText(count: number): string {
  if (count === 0) return "New";
  return `${formatCount(count)} ${count === 1 ? "rating" : "ratings"}`;
}

/** What a screen reader says: every digit of the count. */
export function ratingSpoken(score: number, count: number): string {
  if (count === 0) return "New: no ratings yet";
  return `Rated ${score.toFixed(1)} out of 5 from ${WHOLE.format(count)} ${count === 1 ? "rating" : "ratings"}`;
}
