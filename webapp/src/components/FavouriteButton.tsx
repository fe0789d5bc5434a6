// A toggle button that saves a restaurant to the customer's favourites: its name stays
// "Favourite", aria-pressed says whether it is saved. Signed out, it leads to sign in.
import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { messageFor } from "../api/problems";
import type { Restaurant } from "../api/types";
import { useFavourites } from "../state/favourites";
import { loginPath, useSession } from "../state/session";

export function FavouriteButton({ restaurant, compact = false }: { restaurant: Restaurant; compact?: boolean }) {
  const { user } = useSession();
  const favourites = useFavourites();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const saved = favourites.isFavourite(restaurant.restaurant_id);
  const name = restaurant.restaurant_name;

  const press = async () => {
    if (!user) {
      navigate(loginPath(location.pathname + location.search));
      return;
    }
    setError(null);
    try {
      await favourites.toggle(restaurant);
    } catch (failure) {
      setError(messageFor(failure));
    }
  };

  return (
    <span className="favourite">
      <button
        type="button"
        className={compact ? "favourite-button favourite-compact" : "favourite-button"}
        aria-pressed={saved}
        aria-label={compact ? `Favourite: ${name}` : undefined}
        // While the saved list loads the state is unknown; if it could not be read, saving
        // again is harmless (the API keeps one).
        disabled={
          favourites.isBusy(restaurant.restaurant_id) ||
          (user !== null && favourites.restaurants === null && favourites.loadError === null)
        }
        onClick={() => void press()}
      >
        <span aria-hidden="true" className="favourite-heart">
          {saved ? "♥" : "♡"}
        </span>
        {!compact && " Favourite"}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
