// A restaurant and its menu, grouped by category; add dishes and change quantities.
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { api } from "../api/endpoints";
import type { FoodItem, RestaurantDetail } from "../api/types";
import { ClosedNote } from "../components/ClosedNote";
import { ErrorBox, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { QuantityStepper } from "../components/QuantityStepper";
import { Rating } from "../components/Rating";
import { VegMark } from "../components/VegMark";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { type DishRef, useCart } from "../state/cart";
import { loginPath, useSession } from "../state/session";
import { NotFoundPage } from "./NotFoundPage";
import { ApiError } from "../api/errors";

export function groupByCategory(menu: readonly FoodItem[]): Array<[string, FoodItem[]]> {
  const groups = new Map<string, FoodItem[]>();
  for (const item of menu) {
    const list = groups.get(item.food_category) ?? [];
    list.push(item);
    groups.set(item.food_category, list);
  }
  return [...groups.entries()];
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function RestaurantPage() {
  const { restaurantId } = useParams();
  const id = Number(restaurantId);
  const [restaurant, setRestaurant] = useState<RestaurantDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { user } = useSession();
  const cart = useCart();
  const navigate = useNavigate();
  const location = useLocation();
  useDocumentTitle(restaurant?.restaurant_name ?? "Restaurant");

  const load = useCallback(async () => {
    setError(null);
    try {
      setRestaurant(await api.restaurant(id));
    } catch (failure) {
      setError(failure);
    }
  }, [id]);
  useEffect(() => {
    if (Number.isSafeInteger(id) && id > 0) void load();
  }, [id, load]);

  if (!Number.isSafeInteger(id) || id <= 0 || (error instanceof ApiError && error.status === 404)) {
    return <NotFoundPage />;
  }
  if (error !== null) return <ErrorBox error={error} onRetry={() => void load()} />;
  if (restaurant === null) return <Skeleton rows={4} label="Loading the menu…" />;

  const inThisCart = cart.cart?.restaurant?.restaurant_id === restaurant.restaurant_id;
  const change = async (item: FoodItem, quantity: number) => {
    if (!user) {
      navigate(loginPath(location.pathname));
      return;
    }
    setActionError(null);
    const dish: DishRef = {
      food_id: item.food_id,
      food_name: item.food_name,
      restaurant_id: restaurant.restaurant_id,
      restaurant_name: restaurant.restaurant_name,
    };
    try {
      await cart.setQuantity(dish, quantity);
    } catch (failure) {
      setActionError(failure);
      // What changed (a dish gone, the restaurant closed) shows on the menu read again.
      if (failure instanceof ApiError && (failure.code === "item_unavailable" || failure.code === "restaurant_closed")) {
        void load();
      }
    }
  };
  const groups = groupByCategory(restaurant.menu);
  const closed = !restaurant.is_open;

  return (
    <article className="restaurant">
      <header className="restaurant-header">
        <h1>{restaurant.restaurant_name}</h1>
        <p className="card-meta">{restaurant.cuisines.join(" · ")}</p>
        {restaurant.restaurant_description && <p>{restaurant.restaurant_description}</p>}
        <ul className="facts">
          <li>
            <Rating value={restaurant.restaurant_rating} />
          </li>
          <li>{restaurant.delivery_time_minutes} min delivery</li>
          <li>
            <Money paise={restaurant.cost_for_two} /> for two
          </li>
          <li>Open {restaurant.open_hours}</li>
          {closed && (
            <li>
              <ClosedNote restaurant={restaurant} />
            </li>
          )}
          {restaurant.is_veg_only && (
            <li className="veg-only">
              <VegMark veg /> Pure veg
            </li>
          )}
        </ul>
      </header>

      {groups.length > 1 && (
        <nav aria-label="Menu sections" className="chips">
          {groups.map(([category]) => (
            <a key={category} href={`#cat-${slug(category)}`} className="chip">
              {category}
            </a>
          ))}
        </nav>
      )}

      {actionError !== null && <ErrorBox error={actionError} />}

      {groups.length === 0 && <p>This restaurant has no dishes on its menu right now.</p>}
      {groups.map(([category, items]) => (
        <section key={category} className="menu-section" aria-labelledby={`cat-${slug(category)}`}>
          <h2 id={`cat-${slug(category)}`}>{category}</h2>
          <ul className="menu-list">
            {items.map((item) => {
              const quantity = inThisCart ? cart.quantityOf(item.food_id) : 0;
              return (
                <li key={item.food_id} className={item.availability ? "dish" : "dish dish-unavailable"}>
                  <div className="dish-info">
                    <p className="dish-name">
                      <VegMark veg={item.is_veg} /> {item.food_name}
                    </p>
                    <p className="dish-price">
                      <Money paise={item.price} />
                    </p>
                    {item.description && <p className="dish-description">{item.description}</p>}
                  </div>
                  <div className="dish-action">
                    {!item.availability ? (
                      <button type="button" className="button button-secondary" disabled aria-label={`${item.food_name} is unavailable`}>
                        Unavailable
                      </button>
                    ) : quantity > 0 ? (
                      <QuantityStepper
                        name={item.food_name}
                        quantity={quantity}
                        busy={cart.busy.has(item.food_id)}
                        canAdd={!closed}
                        onChange={(q) => void change(item, q)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button button-add"
                        aria-label={`Add ${item.food_name}`}
                        disabled={closed || cart.busy.has(item.food_id)}
                        onClick={() => void change(item, 1)}
                      >
                        Add
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      {inThisCart && cart.count > 0 && (
        <div className="cart-bar">
          <span>
            {cart.count} {cart.count === 1 ? "item" : "items"} · <Money paise={cart.cart?.total_amount ?? 0} />
          </span>
          <Link to="/cart" className="button">
            View cart
          </Link>
        </div>
      )}
    </article>
  );
}
