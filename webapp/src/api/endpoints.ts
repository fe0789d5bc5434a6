// One function per API operation the web app uses.
import { call, callWithHeaders } from "./client";
import type {
  AddressBody,
  LoginBody,
  Order,
  DishEdit,
  PayBody,
  PaymentMode,
  RatingBody,
  SignupBody,
} from "./types";

const V1 = "/api/v1";

export interface SearchParams {
  q?: string;
  cuisine?: string;
  veg?: boolean;
  open_now?: boolean;
  min_rating?: number;
  /** Paise. */
  max_cost_for_two?: number;
  sort?: "rating" | "name" | "delivery_time" | "cost";
  limit?: number;
  cursor?: string;
}

/** The document's oneOf on payment_mode: CARD with card, UPI with upi, COD with neither. */
export type PayDetails = PayBody;

/** A placement's answer: `replayed` when the API answered with an order placed earlier
 * (this key's retry, or this cart ordered already from another tab or device). */
export interface Placed {
  order: Order;
  replayed: boolean;
}

export const api = {
  signup: (body: SignupBody) => call("post", `${V1}/auth/signup`, { body }),
  login: (body: LoginBody) => call("post", `${V1}/auth/login`, { body }),
  logout: () => call("post", `${V1}/auth/logout`),
  me: () => call("get", `${V1}/me`),

  cities: () => call("get", `${V1}/cities`),
  searchRestaurants: (pincode: string, query: SearchParams, signal?: AbortSignal) =>
    call("get", `${V1}/cities/{pincode}/restaurants`, {
      params: { pincode },
      query: { ...query, veg: query.veg || undefined, open_now: query.open_now || undefined },
      signal,
    }),
  restaurant: (restaurantId: number) =>
    call("get", `${V1}/restaurants/{restaurant_id}`, { params: { restaurant_id: restaurantId } }),

  cart: () => call("get", `${V1}/cart`),
  setCartItem: (foodId: number, quantity: number, replaceCart = false) =>
    call("put", `${V1}/cart/items/{food_id}`, {
      params: { food_id: foodId },
      body: replaceCart ? { quantity, replace_cart: true } : { quantity },
    }),
  removeCartItem: (foodId: number) =>
    call("delete", `${V1}/cart/items/{food_id}`, { params: { food_id: foodId } }),
  /** A dish with its chosen options: the same options add to that line, others make a new one. */
  addCartLine: (foodId: number, optionIds: number[], quantity: number, replaceCart = false) =>
    call("post", `${V1}/cart/lines`, {
      body: {
        food_id: foodId,
        option_ids: optionIds,
        quantity,
        ...(replaceCart ? { replace_cart: true } : {}),
      },
    }),
  /** 0 removes the line. */
  setCartLine: (lineId: string, quantity: number) =>
    call("put", `${V1}/cart/lines/{line_id}`, { params: { line_id: lineId }, body: { quantity } }),
  removeCartLine: (lineId: string) =>
    call("delete", `${V1}/cart/lines/{line_id}`, { params: { line_id: lineId } }),
  clearCart: () => call("delete", `${V1}/cart`),
  applyCoupon: (code: string) => call("put", `${V1}/cart/coupon`, { body: { code } }),
  removeCoupon: () => call("delete", `${V1}/cart/coupon`),
  /** The rider's tip in paise (0 removes it). */
  setTip: (amount: number) => call("put", `${V1}/cart/tip`, { body: { amount } }),

  addresses: () => call("get", `${V1}/addresses`),
  addAddress: (body: AddressBody) => call("post", `${V1}/addresses`, { body }),
  deleteAddress: (addressId: number) =>
    call("delete", `${V1}/addresses/{address_id}`, { params: { address_id: addressId } }),

  /** `expectedTotal`: the total the customer was shown (paise); null leaves the price unlocked. */
  placeOrder: async (
    addressId: number,
    paymentMode: PaymentMode,
    idempotencyKey: string,
    expectedTotal: number | null,
  ): Promise<Placed> => {
    const body = { address_id: addressId, payment_mode: paymentMode };
    const answer = await callWithHeaders("post", `${V1}/orders`, {
      body: expectedTotal === null ? body : { ...body, expected_total: expectedTotal },
      idempotencyKey,
    });
    return { order: answer.data, replayed: answer.headers.get("Idempotent-Replayed") === "true" };
  },
  /** Would the cart's restaurant deliver to this address? */
  checkDelivery: (addressId: number) =>
    call("get", `${V1}/cart/delivery/{address_id}`, { params: { address_id: addressId } }),
  payOrder: (orderId: number, details: PayDetails, idempotencyKey: string) =>
    call("post", `${V1}/orders/{order_id}/payment`, {
      params: { order_id: orderId },
      body: details,
      idempotencyKey,
    }),
  orders: (before?: number, limit = 20) =>
    call("get", `${V1}/orders`, { query: { limit, before } }),
  order: (orderId: number) =>
    call("get", `${V1}/orders/{order_id}`, { params: { order_id: orderId } }),
  cancelOrder: (orderId: number) =>
    call("post", `${V1}/orders/{order_id}/cancel`, { params: { order_id: orderId } }),
  /** Replaces the cart with the order's items at today's prices; `unavailable` names the rest. */
  reorder: (orderId: number) =>
    call("post", `${V1}/orders/{order_id}/reorder`, { params: { order_id: orderId } }),

  /** 404 when the order is not rated (yet). */
  rating: (orderId: number) =>
    call("get", `${V1}/orders/{order_id}/rating`, { params: { order_id: orderId } }),
  rateOrder: (orderId: number, body: RatingBody) =>
    call("post", `${V1}/orders/{order_id}/rating`, { params: { order_id: orderId }, body }),
  editRating: (orderId: number, body: RatingBody) =>
    call("put", `${V1}/orders/{order_id}/rating`, { params: { order_id: orderId }, body }),

  favourites: () => call("get", `${V1}/favourites`),
  saveFavourite: (restaurantId: number) =>
    call("put", `${V1}/favourites/{restaurant_id}`, { params: { restaurant_id: restaurantId } }),
  removeFavourite: (restaurantId: number) =>
    call("delete", `${V1}/favourites/{restaurant_id}`, { params: { restaurant_id: restaurantId } }),

  // The restaurant partner's console. Each press is its own attempt (a fresh key).
  partnerOrders: () => call("get", `${V1}/partner/orders`),
  acceptOrder: (orderId: number, prepMinutes: number) =>
    call("post", `${V1}/partner/orders/{order_id}/accept`, {
      params: { order_id: orderId },
      body: { prep_minutes: prepMinutes },
      idempotencyKey: newKey(),
    }),
  rejectOrder: (orderId: number, reason: string) =>
    call("post", `${V1}/partner/orders/{order_id}/reject`, {
      params: { order_id: orderId },
      body: { reason },
      idempotencyKey: newKey(),
    }),
  foodReady: (orderId: number) =>
    call("post", `${V1}/partner/orders/{order_id}/ready`, {
      params: { order_id: orderId },
      idempotencyKey: newKey(),
    }),
  partnerToday: () => call("get", `${V1}/partner/today`),
  partnerMenu: () => call("get", `${V1}/partner/menu`),
  editDish: (foodId: number, edit: DishEdit) =>
    call("patch", `${V1}/partner/menu/{food_id}`, {
      params: { food_id: foodId },
      body: edit,
      idempotencyKey: newKey(),
    }),

  // The rider's job.
  riderJob: () => call("get", `${V1}/rider/job`),
  pickedUp: (orderId: number) =>
    call("post", `${V1}/rider/orders/{order_id}/picked-up`, {
      params: { order_id: orderId },
      idempotencyKey: newKey(),
    }),
  delivered: (orderId: number, cashCollected: boolean) =>
    call("post", `${V1}/rider/orders/{order_id}/delivered`, {
      params: { order_id: orderId },
      body: { cash_collected: cashCollected },
      idempotencyKey: newKey(),
    }),
};

function newKey(): string {
  return crypto.randomUUID();
}

/** The partner's open orders, live (event `orders`, data as GET /partner/orders). */
export const PARTNER_EVENTS_URL = `${V1}/partner/events`;

export function orderEventsUrl(orderId: number): string {
  return `${V1}/orders/${orderId}/events`;
}
