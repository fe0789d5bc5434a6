// One function per API operation the web app uses.
import { call } from "./client";
import type {
  AddressBody,
  CardBody,
  LoginBody,
  PaymentMode,
  SignupBody,
} from "./types";

const V1 = "/api/v1";

export interface SearchParams {
  q?: string;
  cuisine?: string;
  veg?: boolean;
  min_rating?: number;
  sort?: "rating" | "name" | "delivery_time";
  limit?: number;
  cursor?: string;
}

export type PayDetails =
  | { payment_mode: "CARD"; card: CardBody }
  | { payment_mode: "UPI"; upi: { vpa: string } }
  | { payment_mode: "COD" };

export const api = {
  signup: (body: SignupBody) => call("post", `${V1}/auth/signup`, { body }),
  login: (body: LoginBody) => call("post", `${V1}/auth/login`, { body }),
  logout: () => call("post", `${V1}/auth/logout`),
  me: () => call("get", `${V1}/me`),

  cities: () => call("get", `${V1}/cities`),
  searchRestaurants: (pincode: string, query: SearchParams, signal?: AbortSignal) =>
    call("get", `${V1}/cities/{pincode}/restaurants`, {
      params: { pincode },
      query: { ...query, veg: query.veg || undefined },
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
  clearCart: () => call("delete", `${V1}/cart`),

  addresses: () => call("get", `${V1}/addresses`),
  addAddress: (body: AddressBody) => call("post", `${V1}/addresses`, { body }),
  deleteAddress: (addressId: number) =>
    call("delete", `${V1}/addresses/{address_id}`, { params: { address_id: addressId } }),

  placeOrder: (addressId: number, paymentMode: PaymentMode, idempotencyKey: string) =>
    call("post", `${V1}/orders`, {
      body: { address_id: addressId, payment_mode: paymentMode },
      idempotencyKey,
    }),
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
};

export function orderEventsUrl(orderId: number): string {
  return `${V1}/orders/${orderId}/events`;
}
