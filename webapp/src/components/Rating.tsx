import { ratingCountText, ratingSpoken } from "../lib/ratings";

/** ★ 4.3 · 1.2k ratings, read out as "Rated 4.3 out of 5 from 1,234 ratings"; a
 * restaurant nobody has rated yet is "New" (its score is only the prior). */
export function Rating({ value, count }: { value: number; count: number }) {
  return (
    <span className="rating">
      <span aria-hidden="true">{count === 0 ? `★ ${ratingCountText(0)}` : `★ ${value.toFixed(1)} · ${ratingCountText(count)}`}</span>
      <span className="visually-hidden">{ratingSpoken(value, count)}</span>
    </span>
  );
}
