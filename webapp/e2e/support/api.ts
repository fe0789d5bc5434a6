// Straight to the API (through Traefik) with a bearer token: to check what the UI did.
import { randomUUID } from "node:crypto";
import { env } from "./env";

export interface ApiSession {
  token: string;
  user: { user_id: number; restaurant_id: number | null; total_orders: number };
}

export interface Answer {
  status: number;
  body: unknown;
}

/** The API's answer, whatever its status. */
async function ask(method: string, path: string, token?: string, body?: unknown, key?: string): Promise<Answer> {
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
  return { status: response.status, body: text ? parsed(text) : undefined };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // an error page from the proxy, say
  }
}

async function send(method: string, path: string, token?: string, body?: unknown, key?: string) {
  const answer = await ask(method, path, token, body, key);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

export async function login(email: string, password: string): Promise<ApiSession> {
  // bearer: the token in the body, to send as Authorization (the web app uses the cookie).
  const body = { email, password, bearer: true };
  return (await send("POST", "/api/v1/auth/login", undefined, body)) as ApiSession;
}

export interface ApiChosenOption {
  option_id: number;
  option_name: string;
  price_delta: number;
}

export interface ApiOrder {
  order_id: number;
  order_status: string;
  total_amount: number;
  bill: ApiBill;
  coupon_code: string | null;
  items: Array<{ food_id: number; food_name: string; price: number; quantity: number; options: ApiChosenOption[] }>;
  payment: { payment_status: string; amount: number; card: { brand: string; last4: string } | null } | null;
}

export async function ordersOf(token: string): Promise<ApiOrder[]> {
  return ((await send("GET", "/api/v1/orders?limit=50", token)) as { orders: ApiOrder[] }).orders;
}

export interface ApiBill {
  lines: Array<{ code: string; label: string; amount: number; parts: Array<{ code: string; amount: number }> }>;
  total_amount: number;
}

export interface ApiCartLine {
  line_id: string;
  food_id: number;
  food_name: string;
  options: ApiChosenOption[];
  price: number;
  quantity: number;
}

export interface ApiCart {
  bill: ApiBill | null;
  total_amount: number;
  food_items: ApiCartLine[];
}

/** The customer's cart as the API bills it now (fees and GST included). */
export async function cartOf(token: string): Promise<ApiCart> {
  return (await send("GET", "/api/v1/cart", token)) as ApiCart;
}

/** The total the API bills the customer's cart at now. */
export async function cartTotalOf(token: string): Promise<number> {
  return (await cartOf(token)).total_amount;
}

export interface ApiOption {
  option_id: number;
  option_name: string;
  price_delta: number;
  availability: boolean;
}

export interface ApiOptionGroup {
  group_name: string;
  min_choices: number;
  max_choices: number;
  options: ApiOption[];
}

export interface ApiDish {
  food_id: number;
  food_name: string;
  availability: boolean;
  price: number;
  option_groups: ApiOptionGroup[];
}

/** A dish that goes in the cart as it is (PUT /cart/items): no option groups at all. */
export function isPlain(dish: ApiDish): boolean {
  return dish.option_groups.length === 0;
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

export interface ApiCity {
  pincode: string;
  city_name: string;
}

export async function cities(): Promise<ApiCity[]> {
  return ((await send("GET", "/api/v1/cities")) as { cities: ApiCity[] }).cities;
}

/** A restaurant as a search lists it: whether it takes orders now, and when it opens next. */
export interface ApiListing {
  restaurant_id: number;
  restaurant_name: string;
  city: ApiCity;
  is_open: boolean;
  opens_at: string | null;
}

/** Every restaurant of a city, as the search lists them now (all its pages). */
export async function restaurantsIn(pincode: string): Promise<ApiListing[]> {
  const found: ApiListing[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const page = (await send("GET", `/api/v1/cities/${pincode}/restaurants?limit=50${query}`)) as {
      restaurants: ApiListing[];
      next_cursor: string | null;
    };
    found.push(...page.restaurants);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return found;
}

/** One page of a city's search, as the API answers the query string `query`. */
export async function search(
  pincode: string,
  query: string,
): Promise<Array<ApiListing & { cost_for_two: number; matched_dishes: string[] }>> {
  const page = (await send("GET", `/api/v1/cities/${pincode}/restaurants?${query}`)) as {
    restaurants: Array<ApiListing & { cost_for_two: number; matched_dishes: string[] }>;
  };
  return page.restaurants;
}

/** The customer's favourite restaurants' ids, most recently saved first. */
export async function favouritesOf(token: string): Promise<number[]> {
  const answer = (await send("GET", "/api/v1/favourites", token)) as { restaurants: Array<{ restaurant_id: number }> };
  return answer.restaurants.map((r) => r.restaurant_id);
}

/** PUT a cart line, answered whatever the status (to see a refusal). */
export function putCartItem(token: string, foodId: number, quantity: number): Promise<Answer> {
  return ask("PUT", `/api/v1/cart/items/${foodId}`, token, { quantity });
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

/** A fresh customer with one cash-on-delivery order, made over the API. */
export async function customerWithOrder(restaurantId: number): Promise<{ token: string; orderId: number }> {
  const email = `e2e-api-${randomUUID().slice(0, 8)}@example.com`;
  const phone = `9${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  const session = (await send("POST", "/api/v1/auth/signup", undefined, {
    user_name: "E2E API",
    email,
    phone,
    password: "an end-to-end password",
    bearer: true,
  })) as ApiSession;
  const token = session.token;
  const place = await restaurant(restaurantId);
  const dish = place.menu.find((d) => d.availability && isPlain(d));
  if (!dish) throw new Error("no dish to order");
  const order = await orderOverApi(token, place, [{ dish, optionIds: [], quantity: 1 }]);
  return { token, orderId: order.order_id };
}

/** One line for `orderOverApi`: a dish, the options chosen for it, how many. */
export interface LineToOrder {
  dish: ApiDish;
  optionIds: number[];
  quantity: number;
}

/** The signed-in customer orders these lines, cash on delivery, over the API (to a new
 * address in the restaurant's city): a past order for the web app to show. */
export async function orderOverApi(token: string, place: ApiRestaurant, lines: LineToOrder[]): Promise<ApiOrder> {
  for (const line of lines) {
    await send(
      "POST",
      "/api/v1/cart/lines",
      token,
      { food_id: line.dish.food_id, option_ids: line.optionIds, quantity: line.quantity },
      randomUUID(),
    );
  }
  const address = (await send("POST", "/api/v1/addresses", token, {
    label: "Home",
    line1: "1 Test Street",
    city_name: place.city.city_name,
    pincode: place.city.pincode,
  })) as { address_id: number };
  return (await send(
    "POST",
    "/api/v1/orders",
    token,
    { address_id: address.address_id, payment_mode: "COD" },
    randomUUID(),
  )) as ApiOrder;
}

/** The customer's own rating of an order, or null (404) when not rated. */
export async function ratingOf(token: string, orderId: number): Promise<{ stars: number; review: string } | null> {
  const answer = await ask("GET", `/api/v1/orders/${orderId}/rating`, token);
  if (answer.status === 404) return null;
  if (answer.status !== 200) throw new Error(`GET rating of ${orderId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { stars: number; review: string };
}

/** A restaurant's score and how many ratings make it, as its page reads them now. */
export async function ratingsOf(restaurantId: number): Promise<{ restaurant_rating: number; rating_count: number }> {
  return (await send("GET", `/api/v1/restaurants/${restaurantId}`)) as { restaurant_rating: number; rating_count: number };
}

/** The first `status` event of an order's SSE stream at `origin`, or null after `waitMs`. */
export async function firstStatusEvent(
  origin: string,
  token: string,
  orderId: number,
  waitMs: number,
): Promise<string | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), waitMs);
  let text = "";
  try {
    const response = await fetch(`${origin}/api/v1/orders/${orderId}/events`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return null;
      text += decoder.decode(value, { stream: true });
      const event = /event: status\n(?:id: [^\n]*\n)?data: ([^\n]*)\n/.exec(text);
      if (event) return event[1]!;
    }
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

// --- riders (issue 17) -------------------------------------------------------------------

export interface ApiRiderJob {
  rider_id: number;
  rider_name: string;
  order: { order_id: number; order_status: string; delivery_status: string; ready_at: string | null; cash_to_collect: number } | null;
}

export interface Rider {
  email: string;
  token: string;
}

/** The demo riders of the city with this PIN code, signed in over the API. */
export async function ridersOf(pincode: string): Promise<Rider[]> {
  const riders: Rider[] = [];
  for (const template of env.riderEmails) {
    const email = template.replace("{pincode}", pincode);
    riders.push({ email, token: (await login(email, env.demoPassword)).token });
  }
  return riders;
}

export async function riderJob(token: string): Promise<ApiRiderJob> {
  return (await send("GET", "/api/v1/rider/job", token)) as ApiRiderJob;
}

/** Every rider of the city free again: an order another case left with one is made ready
 * by the partner, picked up and delivered (cash collected), so a new order gets a rider
 * at once. */
export async function freeRiders(partnerToken: string, riders: Rider[]): Promise<void> {
  for (const rider of riders) {
    for (let round = 0; round < 5; round += 1) {
      const job = (await riderJob(rider.token)).order;
      if (job === null) break;
      const id = job.order_id;
      if (job.delivery_status === "ASSIGNED") {
        if (job.ready_at === null) await send("POST", `/api/v1/partner/orders/${id}/ready`, partnerToken, undefined, randomUUID());
        await send("POST", `/api/v1/rider/orders/${id}/picked-up`, rider.token, undefined, randomUUID());
      }
      await send("POST", `/api/v1/rider/orders/${id}/delivered`, rider.token, { cash_collected: true }, randomUUID());
    }
  }
}

/** Which of `riders` carries order `orderId` now (null: none of them). */
export async function riderWith(riders: Rider[], orderId: number): Promise<Rider | null> {
  for (const rider of riders) {
    if ((await riderJob(rider.token)).order?.order_id === orderId) return rider;
  }
  return null;
}

/** How far the stack's clock (FOOD_CLOCK_START, at real speed) is ahead of this machine's,
 * in ms: a new account's created_at is the API's now. */
export async function stackClockOffsetMs(): Promise<number> {
  const before = Date.now();
  const session = (await send("POST", "/api/v1/auth/signup", undefined, {
    user_name: "E2E Clock",
    email: `e2e-clock-${randomUUID().slice(0, 8)}@example.com`,
    phone: `9${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`,
    password: "an end-to-end password",
    bearer: true,
  })) as { user: { created_at: string } };
  const after = Date.now();
  return Date.parse(session.user.created_at) - (before + after) / 2;
}

/** The first `orders` event of the partner's SSE stream at `origin` (its data), or null
 * after `waitMs`. */
export async function firstPartnerEvent(origin: string, token: string, waitMs: number): Promise<string | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), waitMs);
  let text = "";
  try {
    const response = await fetch(`${origin}/api/v1/partner/events`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return null;
      text += decoder.decode(value, { stream: true });
      const event = /event: orders\n(?:id: [^\n]*\n)?data: ([^\n]*)\n/.exec(text);
      if (event) return event[1]!;
    }
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
