// The signed-in customer's favourite restaurants, shared by the restaurant page, the
// search results and the favourites page: read once per sign-in, changed one at a time.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api } from "../api/endpoints";
import type { Restaurant } from "../api/types";
import { useSession } from "./session";

export interface FavouritesValue {
  /** The saved restaurants, most recently saved first; null until read (or signed out). */
  restaurants: Restaurant[] | null;
  loadError: unknown;
  isFavourite(restaurantId: number): boolean;
  /** True while this restaurant is being saved or removed. */
  isBusy(restaurantId: number): boolean;
  /** Save it, or remove it if saved; a refusal is thrown. */
  toggle(restaurant: Restaurant): Promise<void>;
  refresh(): Promise<void>;
}

const FavouritesContext = createContext<FavouritesValue | null>(null);

export function FavouritesProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  // Only customers have a cart and favourites; a partner or rider asks for neither.
  const userId = user?.role === "CUSTOMER" ? user.user_id : null;
  const [restaurants, setRestaurants] = useState<Restaurant[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());

  const refresh = useCallback(async () => {
    if (userId === null) return;
    try {
      setRestaurants((await api.favourites()).restaurants);
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    }
  }, [userId]);

  useEffect(() => {
    setRestaurants(null);
    if (userId !== null) void refresh();
  }, [userId, refresh]);

  const mark = useCallback((id: number, on: boolean) => {
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const toggle = useCallback(
    async (restaurant: Restaurant) => {
      const id = restaurant.restaurant_id;
      const saved = restaurants?.some((r) => r.restaurant_id === id) ?? false;
      mark(id, true);
      try {
        if (saved) {
          await api.removeFavourite(id);
          setRestaurants((current) => (current ?? []).filter((r) => r.restaurant_id !== id));
        } else {
          await api.saveFavourite(id);
          setRestaurants((current) => [restaurant, ...(current ?? []).filter((r) => r.restaurant_id !== id)]);
        }
      } finally {
        mark(id, false);
      }
    },
    [restaurants, mark],
  );

  const value = useMemo<FavouritesValue>(
    () => ({
      restaurants,
      loadError,
      isFavourite: (id) => restaurants?.some((r) => r.restaurant_id === id) ?? false,
      isBusy: (id) => busy.has(id),
      toggle,
      refresh,
    }),
    [restaurants, loadError, busy, toggle, refresh],
  );
  return <FavouritesContext.Provider value={value}>{children}</FavouritesContext.Provider>;
}

export function useFavourites(): FavouritesValue {
  const value = useContext(FavouritesContext);
  if (!value) throw new Error("useFavourites outside FavouritesProvider");
  return value;
}
