// One order per cart, at the price the customer was shown, and only while the restaurant
// is open (issue 13): in Chromium, through Traefik, on the real stack.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "./support/api";
import type { ApiDish, ApiListing, ApiRestaurant } from "./support/api";
import { anotherTab, launch, openTab, shot } from "./support/browser";
import { setPrice } from "./support/control";
import { enabled, env } from "./support/env";
import {
  DECLINED_CARD,
  GOOD_CARD,
  addAddress,
  addDish,
  availableDishes,
  chooseCity,
  confirmation,
  fillCard,
  newCustomer,
  oneMore,
  openCart,
  payButton,
  rupees,
  searchAndOpen,
  signUp,
  toCheckout,
} from "./support/flow";


// Restaurants keep India's hours; the note on a closed one says them in IST.
const IST_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Kolkata",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const IST_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", dateStyle: "short" });

interface OrderPost {
  key: string;
  expectedTotal: unknown;
}

/** Every POST /orders the page sends: its Idempotency-Key and expected_total. */
function orderPosts(page: Page): OrderPost[] {
  const posts: OrderPost[] = [];
  page.on("request", (request) => {
    if (request.method() !== "POST" || new URL(request.url()).pathname !== "/api/v1/orders") return;
    const body = request.postDataJSON() as { expected_total?: unknown } | null;
    posts.push({ key: request.headers()["idempotency-key"] ?? "", expectedTotal: body?.expected_total });
  });
  return posts;
}

function paymentPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === "POST" && /^\/api\/v1\/orders\/\d+\/payment$/.test(path)) posts.push(path);
  });
  return posts;
}

/** An available dish no other case orders (they take the first ones), whose name is in no
 * other dish's, so "Add <name>" finds its button alone. */
function dishOfItsOwn(restaurant: ApiRestaurant): ApiDish {
  const names = restaurant.menu.map((d) => d.food_name);
  const dish = restaurant.menu
    .filter((d) => d.availability && api.isPlain(d) && names.filter((n) => n.includes(d.food_name)).length === 1)
    .at(-1);
  if (!dish || availableDishes(restaurant, 2).some((d) => d.food_id === dish.food_id)) {
    throw new Error(`${restaurant.restaurant_name} has no dish of its own for this case`);
  }
  return dish;
}

/** A restaurant the API's search lists as closed at `now` and opening later that day (IST). */
async function closedUntilLater(now: Date): Promise<ApiListing> {
  for (const city of await api.cities()) {
    const found = (await api.restaurantsIn(city.pincode)).find(
      (r) => !r.is_open && r.opens_at !== null && IST_DAY.format(new Date(r.opens_at)) === IST_DAY.format(now),
    );
    if (found) return found;
  }
  throw new Error(`no restaurant is closed at ${now.toISOString()} and opens later that day`);
}

describe.skipIf(!enabled)("one order per cart, at the price shown, while open", () => {
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof api.partner>>;

  beforeAll(async () => {
    browser = await launch();
    partner = await api.partner();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a second tab placing the same cart lands on the same order", async () => {
    const tab = await openTab(browser);
    const first = tab.page;
    const restaurant = partner.restaurant;
    const [dish] = availableDishes(restaurant, 1);
    const customer = newCustomer("two-tabs");

    await signUp(first, customer);
    await chooseCity(first, restaurant.city.city_name);
    await searchAndOpen(first, restaurant);
    await addDish(first, dish!);
    await openCart(first);
    await toCheckout(first);
    await addAddress(first, restaurant);

    // The same customer's second tab, on checkout with the same cart.
    const second = await anotherTab(tab);
    await second.goto("/checkout");
    await second.getByRole("heading", { name: "Checkout", level: 1 }).waitFor();
    await second.getByRole("radio", { name: /Home/ }).waitFor();
    const session0 = await api.login(customer.email, customer.password);
    await second.locator(".totals").getByText(rupees(await api.cartTotalOf(session0.token))).waitFor();

    const firstPosts = orderPosts(first);
    const secondPosts = orderPosts(second);
    const secondPayments = paymentPosts(second);
    await fillCard(first, GOOD_CARD);
    await payButton(first).click();
    const orderId = await confirmation(first);

    // The second tab still shows the cart; placing it answers with the order already made.
    await fillCard(second, GOOD_CARD);
    await payButton(second).click();
    await second.waitForURL(`**/orders/${orderId}`);
    await second.getByRole("heading", { name: `Order #${orderId}` }).waitFor();
    await second.getByText(/Your cart was already ordered, perhaps in another tab/).waitFor();
    await shot(second, "one-order/01-second-tab-on-the-same-order");

    expect(firstPosts).toHaveLength(1);
    expect(secondPosts).toHaveLength(1);
    expect(secondPosts[0]!.key).not.toBe(firstPosts[0]!.key); // each tab its own attempt
    expect(secondPayments).toEqual([]); // the order was paid in the first tab, not again

    await second.goto("/orders");
    await second.getByRole("heading", { name: "Your orders" }).waitFor();
    await second.getByRole("link", { name: new RegExp(`#${orderId}`) }).waitFor();
    expect(await second.locator(".order-list > li").count()).toBe(1);

    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status, o.payment?.payment_status])).toEqual([
      [orderId, "CONFIRMED", "SUCCEEDED"],
    ]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("the order another tab placed but could not pay is paid from the second tab", async () => {
    const tab = await openTab(browser);
    const first = tab.page;
    const restaurant = partner.restaurant;
    const [dish] = availableDishes(restaurant, 1);
    const customer = newCustomer("pay-elsewhere");

    await signUp(first, customer);
    await chooseCity(first, restaurant.city.city_name);
    await searchAndOpen(first, restaurant);
    await addDish(first, dish!);
    await openCart(first);
    await toCheckout(first);
    await addAddress(first, restaurant);
    const second = await anotherTab(tab);
    await second.goto("/checkout");
    await second.getByRole("radio", { name: /Home/ }).waitFor();
    const secondPosts = orderPosts(second);
    const secondPayments = paymentPosts(second);

    // The first tab places the order; its card is declined.
    await fillCard(first, DECLINED_CARD);
    await payButton(first).click();
    await first.getByText(/is placed and waiting for payment/).waitFor();

    // The second tab lands on that order, unpaid, and pays it from there.
    await fillCard(second, GOOD_CARD);
    await payButton(second).click();
    await second.getByText(/Your cart was already ordered/).waitFor();
    const orderId = Number(/\/orders\/(\d+)/.exec(second.url())![1]);
    await second.getByRole("link", { name: "Complete the payment" }).click();
    await second.getByText(`Order #${orderId} is placed and waiting for payment.`).waitFor();
    await fillCard(second, GOOD_CARD);
    await payButton(second).click();
    expect(await confirmation(second)).toBe(orderId);
    await shot(second, "one-order/02-paid-from-the-second-tab");

    expect(secondPosts).toHaveLength(1); // the replayed placement; paying placed nothing
    expect(secondPayments).toEqual([`/api/v1/orders/${orderId}/payment`]);
    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status, o.payment?.card?.last4])).toEqual([
      [orderId, "CONFIRMED", "4242"],
    ]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("a changed price shows the old and new price, and orders only on a second press at the new total", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const dish = dishOfItsOwn(restaurant);
    const customer = newCustomer("reprice");
    const newPrice = dish.price + 2_000;

    await signUp(page, customer);
    await chooseCity(page, restaurant.city.city_name);
    await searchAndOpen(page, restaurant);
    await addDish(page, dish);
    await oneMore(page, dish, 2);
    await openCart(page);
    const session = await api.login(customer.email, customer.password);
    const oldTotal = await api.cartTotalOf(session.token); // the bill's total, fees and GST in
    await toCheckout(page);
    await addAddress(page, restaurant);
    await page.getByRole("radio", { name: /^Cash on delivery/ }).check();
    const place = page.getByRole("button", { name: `Place order · ${rupees(oldTotal)}` });
    await place.waitFor();
    const posts = orderPosts(page);

    // The restaurant reprices the dish while the customer looks at the old total.
    const repriced = await setPrice(dish.food_id, newPrice);
    try {
      expect(repriced.old_price).toBe(dish.price);
      await place.click();

      const changed = page.getByRole("alert").filter({ hasText: "Your cart changed since you saw it." });
      await changed.waitFor();
      const newTotal = await api.cartTotalOf(session.token); // the cart took the new price
      expect(newTotal).toBeGreaterThan(oldTotal);
      const line = changed.getByRole("listitem").filter({ hasText: dish.food_name });
      expect(await line.locator("del").innerText()).toBe(rupees(dish.price));
      expect(await line.locator("ins").innerText()).toBe(rupees(newPrice));
      await changed.getByText(`New total: ${rupees(newTotal)}`).waitFor();
      await page.locator(".totals").getByText(rupees(newTotal)).waitFor();
      const again = page.getByRole("button", { name: `Place order at ${rupees(newTotal)}` });
      await again.waitFor();
      await shot(page, "one-order/03-price-changed");

      // Nothing is ordered until the customer agrees to the new total.
      expect(await api.ordersOf(session.token)).toEqual([]);

      await again.click();
      const orderId = await confirmation(page);
      await shot(page, "one-order/04-placed-at-the-new-total");

      // The first press locked the old total, the second (a new attempt) the new one.
      expect(posts.map((p) => p.expectedTotal)).toEqual([oldTotal, newTotal]);
      expect(new Set(posts.map((p) => p.key)).size).toBe(2);
      const orders = await api.ordersOf(session.token);
      expect(orders.map((o) => [o.order_id, o.order_status, o.total_amount])).toEqual([
        [orderId, "CONFIRMED", newTotal],
      ]);
      expect(orders[0]!.items.map((i) => [i.food_id, i.price, i.quantity])).toEqual([[dish.food_id, newPrice, 2]]);
      expect(tab.problems).toEqual([]);
    } finally {
      await setPrice(dish.food_id, dish.price); // the other cases see the menu as it was
      await tab.context.close();
    }
  });

  test("a closed restaurant says when it opens, and its dishes cannot be added", async () => {
    expect(env.clockStart, "E2E_CLOCK_START (the stack's FOOD_CLOCK_START)").not.toBe("");
    // The replicas' clock started here and runs at real speed: a run of minutes stays on
    // its day, so what is closed and when it opens are the same for the search and the page.
    const stackNow = new Date(env.clockStart);
    const listing = await closedUntilLater(stackNow);
    const opensAt = IST_TIME.format(new Date(listing.opens_at!));

    const tab = await openTab(browser);
    const { page } = tab;
    // The browser's clock agrees with the stack's, as a customer's agrees with the API's:
    // the note names the day only when the opening is on another day than today.
    await tab.context.clock.install({ time: stackNow });
    const customer = newCustomer("closed");
    await signUp(page, customer);
    await page.goto(`/restaurants/${listing.restaurant_id}`);
    await page.getByRole("heading", { level: 1, name: listing.restaurant_name }).waitFor();

    await page.locator(".facts").getByText(`Closed · opens ${opensAt}`, { exact: true }).waitFor();
    const adds = page.getByRole("button", { name: /^Add / });
    await adds.first().waitFor();
    const states = await Promise.all((await adds.all()).map((button) => button.isDisabled()));
    expect(states.length).toBeGreaterThan(0);
    expect(states.every(Boolean), "every Add button disabled").toBe(true);
    await shot(page, "one-order/05-closed-restaurant");

    // The API refuses too, naming the same opening.
    const menu = await api.restaurant(listing.restaurant_id);
    const dish = menu.menu.find((d) => d.availability && api.isPlain(d))!;
    const session = await api.login(customer.email, customer.password);
    const refused = await api.putCartItem(session.token, dish.food_id, 1);
    expect(refused.status).toBe(409);
    const problem = refused.body as { code: string; opens_at: string | null };
    expect(problem.code).toBe("restaurant_closed");
    expect(new Date(problem.opens_at!).getTime()).toBe(new Date(listing.opens_at!).getTime());
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
