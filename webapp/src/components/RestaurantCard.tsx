// A restaurant in a list (search results, favourites): a link to its menu, and beside it
// (not inside: a link holds no button) the favourite toggle. A search result says which
// of its dishes the text matched.
import { Link } from "react-router";
import type { Restaurant, RestaurantHit } from "../api/types";
import { ClosedNote } from "./ClosedNote";
import { FavouriteButton } from "./FavouriteButton";
import { Money } from "./Money";
import { Rating } from "./Rating";
import { VegMark } from "./VegMark";

const SHOWN_MATCHES = 3;

/** "Matches: Chicken Biryani, Egg Biryani, Mushroom Biryani and 2 more". */
export function matchesText(names: readonly string[]): string {
  if (names.length === 0) return "";
  const shown = names.slice(0, SHOWN_MATCHES).join(", ");
  const rest = names.length - SHOWN_MATCHES;
  return `Matches: ${shown}${rest > 0 ? ` and ${rest} more` : ""}`;
}

export function RestaurantCard({ restaurant: r }: { restaurant: Restaurant | RestaurantHit }) {
  const matches = "matched_dishes" in r ? matchesText(r.matched_dishes) : "";
  return (
    <div className="card-wrap">
      <Link to={`/restaurants/${r.restaurant_id}`} className="card restaurant-card">
        <span className="tile" aria-hidden="true">
          {r.restaurant_name.charAt(0)}
        </span>
        <span className="card-body">
          <span className="card-title">{r.restaurant_name}</span>
          <span className="card-meta">{r.cuisines.join(" · ")}</span>
          <span className="card-facts">
            <Rating value={r.restaurant_rating} count={r.rating_count} />
            <span>{r.delivery_time_minutes} min</span>
            <span>
              <Money paise={r.cost_for_two} /> for two
            </span>
            {r.is_veg_only && (
              <span className="veg-only">
                <VegMark veg /> Pure veg
              </span>
            )}
            <ClosedNote restaurant={r} />
          </span>
          {matches && <span className="card-matches">{matches}</span>}
        </span>
      </Link>
      <FavouriteButton restaurant={r} compact />
    </div>
  );
}
