// A restaurant and its menu, grouped by category; add dishes and change quantities. A dish
// with option groups is added through the option picker, each choice its own cart line.
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { api } from "../api/endpoints";
import type { FoodItem, RestaurantDetail } from "../api/types";
import { ClosedNote } from "../components/ClosedNote";
import { FavouriteButton } from "../components/FavouriteButton";
import { ErrorBox, Notice, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { OptionPicker } from "../components/OptionPicker";
import { QuantityStepper } from "../components/QuantityStepper";
import { Rating } from "../components/Rating";
import { VegMark } from "../components/VegMark";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { type DishRef, useCart } from "../state/cart";
import { loginPath, useSession } from "../state/session";
import { NotFoundPage } from "./NotFoundPage";
import { ApiError } from "../api/errors";
import { optionsText } from "../lib/options";

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
  // The dish whose options are being chosen, and what was last added through the picker.
  const [picking, setPicking] = useState<FoodItem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
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
  const dishOf = (item: FoodItem): DishRef => ({
    food_id: item.food_id,
    food_name: item.food_name,
    restaurant_id: restaurant.restaurant_id,
    restaurant_name: restaurant.restaurant_name,
  });
  const signedIn = () => {
    if (user) return true;
    navigate(loginPath(location.pathname));
    return false;
  };
  // What changed (a dish or option gone, the restaurant closed) shows on the menu read again.
  const reloadOn = (failure: unknown) => {
    if (
      failure instanceof ApiError &&
      (failure.code === "item_unavailable" || failure.code === "restaurant_closed" || failure.code === "options_invalid")
    ) {
      void load();
    }
  };
  const change = async (item: FoodItem, quantity: number) => {
    if (!signedIn()) return;
    setActionError(null);
    setAdded(null);
    try {
      await cart.setQuantity(dishOf(item), quantity);
    } catch (failure) {
      setActionError(failure);
      reloadOn(failure);
    }
  };
  const choose = (item: FoodItem) => {
    if (!signedIn()) return;
    setActionError(null);
    setAdded(null);
    setPicking(item);
  };
  const addChosen = async (item: FoodItem, optionIds: number[], quantity: number) => {
    try {
      const outcome = await cart.addLine(dishOf(item), optionIds, quantity);
      setPicking(null); // added, or the conflict dialog asks first
      if (outcome === "added") {
        const chosen = item.option_groups.flatMap((g) => g.options).filter((o) => optionIds.includes(o.option_id));
        setAdded(`Added ${quantity} × ${item.food_name}${chosen.length ? ` (${optionsText(chosen)})` : ""}`);
      }
    } catch (failure) {
      reloadOn(failure);
      throw failure; // the picker shows it by the group it names
    }
  };
  const groups = groupByCategory(restaurant.menu);
  const closed = !restaurant.is_open;

  return (
    <article className="restaurant">
      <header className="restaurant-header">
        <div className="restaurant-title">
          <h1>{restaurant.restaurant_name}</h1>
          <FavouriteButton restaurant={restaurant} />
        </div>
        <p className="card-meta">{restaurant.cuisines.join(" · ")}</p>
        {restaurant.restaurant_description && <p>{restaurant.restaurant_description}</p>}
        <ul className="facts">
          <li>
            <Rating value={restaurant.restaurant_rating} count={restaurant.rating_count} />
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
              const customisable = item.option_groups.length > 0;
              const quantity = inThisCart ? cart.quantityOf(item.food_id) : 0;
              const inCart = inThisCart ? cart.countOf(item.food_id) : 0;
              const busy = cart.isDishBusy(item.food_id);
              return (
                <li key={item.food_id} className={item.availability ? "dish" : "dish dish-unavailable"}>
                  <div className="dish-info">
                    <p className="dish-name">
                      <VegMark veg={item.is_veg} /> {item.food_name}
                    </p>
                    <p className="dish-price">
                      <Money paise={item.price} />
                      {customisable && <span className="muted"> · Customisable</span>}
                    </p>
                    {item.description && <p className="dish-description">{item.description}</p>}
                  </div>
                  <div className="dish-action">
                    {!item.availability ? (
                      <button type="button" className="button button-secondary" disabled aria-label={`${item.food_name} is unavailable`}>
                        Unavailable
                      </button>
                    ) : customisable ? (
                      <>
                        <button
                          type="button"
                          className="button button-add"
                          aria-label={`Add ${item.food_name}`}
                          aria-haspopup="dialog"
                          disabled={closed || busy}
                          onClick={() => choose(item)}
                        >
                          Add
                        </button>
                        {inCart > 0 && (
                          <span className="muted in-cart" data-testid={`in-cart-${item.food_id}`}>
                            {inCart} in cart
                          </span>
                        )}
                      </>
                    ) : quantity > 0 ? (
                      <QuantityStepper
                        name={item.food_name}
                        quantity={quantity}
                        busy={busy}
                        canAdd={!closed}
                        onChange={(q) => void change(item, q)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button button-add"
                        aria-label={`Add ${item.food_name}`}
                        disabled={closed || busy}
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

      {picking && (
        <OptionPicker
          // The menu read again (a sold-out option) gives the picker the dish as it is now.
          item={restaurant.menu.find((d) => d.food_id === picking.food_id) ?? picking}
          canAdd={!closed}
          onAdd={(optionIds, quantity) => addChosen(picking, optionIds, quantity)}
          onClose={() => setPicking(null)}
        />
      )}

      {added && inThisCart && <Notice tone="success">{added}</Notice>}
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
