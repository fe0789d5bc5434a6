// The signed-in customer's cart, shared by the header badge, menus, cart and checkout.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { api } from "../api/endpoints";
import { ApiError } from "../api/errors";
import type { Cart } from "../api/types";
import { useSession } from "./session";

/** What the cart needs to know about a dish being added. */
export interface DishRef {
  food_id: number;
  food_name: string;
  restaurant_id: number;
  restaurant_name: string;
}

export interface CartConflict {
  dish: DishRef;
  quantity: number;
}

export interface CartValue {
  cart: Cart | null;
  loading: boolean;
  loadError: unknown;
  /** Dishes whose quantity is being changed right now. */
  busy: ReadonlySet<number>;
  /** Set when adding a dish from another restaurant needs the customer's say. */
  conflict: CartConflict | null;
  count: number;
  quantityOf(foodId: number): number;
  refresh(): Promise<void>;
  /** PUT the dish's quantity; a restaurant conflict opens the dialog instead of throwing. */
  setQuantity(dish: DishRef, quantity: number): Promise<void>;
  resolveConflict(replace: boolean): Promise<void>;
  /** PUT the coupon code; a refusal (422 coupon_invalid, validation_failed) is thrown. */
  applyCoupon(code: string): Promise<void>;
  removeCoupon(): Promise<void>;
  /** PUT the rider's tip in paise; the cart (and its bill) is the answer's. */
  setTip(amount: number): Promise<void>;
  clearLocal(): void;
}

const CartContext = createContext<CartValue | null>(null);

export function CartProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.user_id ?? null;
  const [cart, setCart] = useState<Cart | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const [conflict, setConflict] = useState<CartConflict | null>(null);

  const refresh = useCallback(async () => {
    if (userId === null) return;
    setLoading(true);
    try {
      setCart(await api.cart());
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  }, [userId]);

  useEffect(() => {
    setCart(null);
    setConflict(null);
    if (userId !== null) void refresh();
  }, [userId, refresh]);

  const mark = useCallback((foodId: number, on: boolean) => {
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(foodId);
      else next.delete(foodId);
      return next;
    });
  }, []);

  const put = useCallback(
    async (dish: DishRef, quantity: number, replace: boolean) => {
      mark(dish.food_id, true);
      try {
        setCart(await api.setCartItem(dish.food_id, quantity, replace));
      } finally {
        mark(dish.food_id, false);
      }
    },
    [mark],
  );

  const setQuantity = useCallback(
    async (dish: DishRef, quantity: number) => {
      try {
        await put(dish, quantity, false);
      } catch (error) {
        if (error instanceof ApiError && error.code === "cart_restaurant_conflict") {
          setConflict({ dish, quantity });
          return;
        }
        throw error;
      }
    },
    [put],
  );

  const resolveConflict = useCallback(
    async (replace: boolean) => {
      if (!conflict) return;
      if (replace) await put(conflict.dish, conflict.quantity, true);
      setConflict(null);
    },
    [conflict, put],
  );

  const applyCoupon = useCallback(async (code: string) => setCart(await api.applyCoupon(code)), []);
  const removeCoupon = useCallback(async () => setCart(await api.removeCoupon()), []);
  const setTip = useCallback(async (amount: number) => setCart(await api.setTip(amount)), []);

  const value = useMemo<CartValue>(() => {
    const lines = cart?.food_items ?? [];
    return {
      cart,
      loading,
      loadError,
      busy,
      conflict,
      count: lines.reduce((sum, line) => sum + line.quantity, 0),
      quantityOf: (foodId) => lines.find((line) => line.food_id === foodId)?.quantity ?? 0,
      refresh,
      setQuantity,
      resolveConflict,
      applyCoupon,
      removeCoupon,
      setTip,
      clearLocal: () =>
        setCart((current) =>
          current
            ? { ...current, food_items: [], bill: null, coupon: null, tip: 0, total_amount: 0, restaurant: null }
            : current,
        ),
    };
  }, [cart, loading, loadError, busy, conflict, refresh, setQuantity, resolveConflict, applyCoupon, removeCoupon, setTip]);

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartValue {
  const value = useContext(CartContext);
  if (!value) throw new Error("useCart outside CartProvider");
  return value;
}
