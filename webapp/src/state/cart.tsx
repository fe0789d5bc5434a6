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
  /** The options chosen, for a line added with them (POST /cart/lines); null: PUT the dish. */
  optionIds: number[] | null;
}

/** What adding a line came to: added, or the restaurant conflict dialog is open instead. */
export type Added = "added" | "conflict";

export interface CartValue {
  cart: Cart | null;
  loading: boolean;
  loadError: unknown;
  /** True while this dish's quantity (without options) is being changed. */
  isDishBusy(foodId: number): boolean;
  /** True while this line is being changed. */
  isLineBusy(lineId: string): boolean;
  /** Set when adding a dish from another restaurant needs the customer's say. */
  conflict: CartConflict | null;
  count: number;
  /** The quantity of the dish's line without options. */
  quantityOf(foodId: number): number;
  /** How many of the dish the cart holds, over all its lines (any options). */
  countOf(foodId: number): number;
  refresh(): Promise<void>;
  /** PUT the dish's quantity; a restaurant conflict opens the dialog instead of throwing. */
  setQuantity(dish: DishRef, quantity: number): Promise<void>;
  /** POST a line of the dish with these options; a restaurant conflict opens the dialog. */
  addLine(dish: DishRef, optionIds: number[], quantity: number): Promise<Added>;
  /** PUT a line's quantity (0 removes it). */
  setLineQuantity(lineId: string, quantity: number): Promise<void>;
  resolveConflict(replace: boolean): Promise<void>;
  /** Order again: the cart becomes the order's items at today's prices; the names of
   * those that could not be added are the answer. */
  reorder(orderId: number): Promise<string[]>;
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
  // Only customers have a cart and favourites; a partner or rider asks for neither.
  const userId = user?.role === "CUSTOMER" ? user.user_id : null;
  const [cart, setCart] = useState<Cart | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  // Keys: `dish:<food_id>` for a dish's quantity, `line:<line_id>` for a line's.
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
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

  const mark = useCallback((key: string, on: boolean) => {
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const put = useCallback(
    async (dish: DishRef, quantity: number, replace: boolean) => {
      const key = `dish:${dish.food_id}`;
      mark(key, true);
      try {
        setCart(await api.setCartItem(dish.food_id, quantity, replace));
      } finally {
        mark(key, false);
      }
    },
    [mark],
  );

  const post = useCallback(
    async (dish: DishRef, optionIds: number[], quantity: number, replace: boolean) => {
      const key = `dish:${dish.food_id}`;
      mark(key, true);
      try {
        setCart(await api.addCartLine(dish.food_id, optionIds, quantity, replace));
      } finally {
        mark(key, false);
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
          setConflict({ dish, quantity, optionIds: null });
          return;
        }
        throw error;
      }
    },
    [put],
  );

  const addLine = useCallback(
    async (dish: DishRef, optionIds: number[], quantity: number): Promise<Added> => {
      try {
        await post(dish, optionIds, quantity, false);
        return "added";
      } catch (error) {
        if (error instanceof ApiError && error.code === "cart_restaurant_conflict") {
          setConflict({ dish, quantity, optionIds });
          return "conflict";
        }
        throw error;
      }
    },
    [post],
  );

  const setLineQuantity = useCallback(
    async (lineId: string, quantity: number) => {
      const key = `line:${lineId}`;
      mark(key, true);
      try {
        setCart(await api.setCartLine(lineId, quantity));
      } finally {
        mark(key, false);
      }
    },
    [mark],
  );

  const resolveConflict = useCallback(
    async (replace: boolean) => {
      if (!conflict) return;
      if (replace) {
        if (conflict.optionIds === null) await put(conflict.dish, conflict.quantity, true);
        else await post(conflict.dish, conflict.optionIds, conflict.quantity, true);
      }
      setConflict(null);
    },
    [conflict, put, post],
  );

  const reorder = useCallback(async (orderId: number) => {
    const answer = await api.reorder(orderId);
    setCart(answer.cart);
    return answer.unavailable;
  }, []);

  const applyCoupon = useCallback(async (code: string) => setCart(await api.applyCoupon(code)), []);
  const removeCoupon = useCallback(async () => setCart(await api.removeCoupon()), []);
  const setTip = useCallback(async (amount: number) => setCart(await api.setTip(amount)), []);

  const value = useMemo<CartValue>(() => {
    const lines = cart?.food_items ?? [];
    return {
      cart,
      loading,
      loadError,
      isDishBusy: (foodId) => busy.has(`dish:${foodId}`),
      isLineBusy: (lineId) => busy.has(`line:${lineId}`),
      conflict,
      count: lines.reduce((sum, line) => sum + line.quantity, 0),
      quantityOf: (foodId) =>
        lines.find((line) => line.food_id === foodId && line.options.length === 0)?.quantity ?? 0,
      countOf: (foodId) =>
        lines.filter((line) => line.food_id === foodId).reduce((sum, line) => sum + line.quantity, 0),
      refresh,
      setQuantity,
      addLine,
      setLineQuantity,
      resolveConflict,
      reorder,
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
  }, [
    cart,
    loading,
    loadError,
    busy,
    conflict,
    refresh,
    setQuantity,
    addLine,
    setLineQuantity,
    resolveConflict,
    reorder,
    applyCoupon,
    removeCoupon,
    setTip,
  ]);

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartValue {
  const value = useContext(CartContext);
  if (!value) throw new Error("useCart outside CartProvider");
  return value;
}
