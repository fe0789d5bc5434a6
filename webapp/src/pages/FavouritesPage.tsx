// The customer's saved restaurants, most recently saved first.
import { Link } from "react-router";
import { EmptyState, ErrorBox, Skeleton } from "../components/Feedback";
import { RestaurantCard } from "../components/RestaurantCard";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useFavourites } from "../state/favourites";

export function FavouritesPage() {
  useDocumentTitle("Your favourites");
  const { restaurants, loadError, refresh } = useFavourites();
  return (
    <section>
      <h1>Your favourites</h1>
      {loadError !== null && <ErrorBox error={loadError} onRetry={() => void refresh()} />}
      {restaurants === null && loadError === null && <Skeleton rows={2} label="Loading your favourites…" />}
      {restaurants?.length === 0 && (
        <EmptyState title="No favourites yet.">
          <p>Tap the heart on a restaurant to keep it here.</p>
          <Link to="/" className="button">
            Browse restaurants
          </Link>
        </EmptyState>
      )}
      {restaurants && restaurants.length > 0 && (
        <ul className="card-grid" aria-label="Favourite restaurants">
          {restaurants.map((r) => (
            <li key={r.restaurant_id}>
              <RestaurantCard restaurant={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
