// Straight to the API (through Traefik) with a bearer token: to check what the UI did.
import { randomUUID } from "node:crypto";
import { env } from "./env";

export interface ApiSession {
  token: string;
  user: { user_id: number; restaurant_id: number | null; total_orders: number };
}

async function send(method: string, path: string, token?: string, body?: unknown, key?: string) {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (key) headers["Idempotency-Key"] = key;
  const response = await fetch(env.baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function login(email: string, password: string): Promise<ApiSession> {
  return (await send("POST", "/api/v1/auth/login", undefined, { email, password })) as ApiSession;
}

export interface ApiOrder {
  order_id: number;
  order_status: string;
  total_amount: number;
  payment: { payment_status: string; card: { brand: string; last4: string } | null } | null;
}

export async function ordersOf(token: string): Promise<ApiOrder[]> {
  return ((await send("GET", "/api/v1/orders?limit=50", token)) as { orders: ApiOrder[] }).orders;
}

export interface ApiDish {
  food_id: number;
  food_name: string;
  availability: boolean;
  price: number;
}

export interface ApiRestaurant {
  restaurant_id: number;
  restaurant_name: string;
  city: { pincode: string; city_name: string };
  menu: ApiDish[];
}

export async function restaurant(id: number): Promise<ApiRestaurant> {
  return (await send("GET", `/api/v1/restaurants/${id}`)) as ApiRestaurant;
}

/** The demo partner's restaurant: the suite orders there so the partner can move orders on. */
export async function partner(): Promise<{ session: ApiSession; restaurant: ApiRestaurant }> {
  const session = await login(env.partnerEmail, env.demoPassword);
  if (session.user.restaurant_id === null) throw new Error("the demo partner has no restaurant");
  return { session, restaurant: await restaurant(session.user.restaurant_id) };
}

export async function advance(partnerToken: string, orderId: number, status: string): Promise<void> {
  await send(
    "POST",
    `/api/v1/partner/orders/${orderId}/status`,
    partnerToken,
    { order_status: status },
    randomUUID(),
  );
}
