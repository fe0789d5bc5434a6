// The customer's whole journey in Chromium, through Traefik, on the real stack.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "./support/api";
import { customerWithOrder, firstStatusEvent } from "./support/api";
import { replicas } from "./support/control";
import { axeCheck, serious } from "./support/axe";
import { launch, openTab, shot, type Tab } from "./support/browser";
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

describe.skipIf(!enabled)("checkout in the browser", () => {
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof api.partner>>;

  beforeAll(async () => {
    browser = await launch();
    partner = await api.partner();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function a11y(tab: Tab, label: string) {
    expect(serious(await axeCheck(tab.page, label)), `axe on ${label}`).toEqual([]);
  }

  test("sign up → search → menu → cart → checkout → confirmation with live status", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const [first, second] = availableDishes(restaurant, 2);
    const customer = newCustomer("journey");

    await page.goto("/signup");
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    await shot(page, "desktop/01-signup");
    await a11y(tab, "signup");
    await signUp(page, customer);
    await shot(page, "desktop/02-city");
    await a11y(tab, "city");

    await chooseCity(page, restaurant.city.city_name);
    await page.getByRole("link", { name: new RegExp(restaurant.restaurant_name) }).first().waitFor();
    await shot(page, "desktop/03-search");
    await a11y(tab, "search");
    await searchAndOpen(page, restaurant);
    await shot(page, "desktop/04-restaurant");
    await a11y(tab, "restaurant");

    await addDish(page, first!);
    await oneMore(page, first!, 2);
    await addDish(page, second!);
    await shot(page, "desktop/05-restaurant-with-cart");
    await openCart(page);
    // The bill's total (items, fees, GST), as the API computes it: the page shows the same.
    const total = await api.cartTotalOf((await api.login(customer.email, customer.password)).token);
    await page.locator(".totals").getByText(rupees(total)).waitFor();
    await shot(page, "desktop/06-cart");
    await a11y(tab, "cart");

    await toCheckout(page);
    await addAddress(page, restaurant);
    await fillCard(page, GOOD_CARD);
    await page.getByText("Visa card").waitFor();
    await shot(page, "desktop/07-checkout");
    await a11y(tab, "checkout");
    await payButton(page).click();
    const orderId = await confirmation(page);
    const live = page.getByTestId("live");
    await live.waitFor();
    await shot(page, "desktop/08-confirmation");
    await a11y(tab, "confirmation");

    // The restaurant moves the order on; the page follows through the SSE stream.
    await api.advance(partner.session.token, orderId, "PREPARING");
    await page.getByTestId("order-status").getByText("Being prepared").waitFor({ timeout: 15_000 });
    // By the SSE stream itself, not the page's polling fallback.
    expect(await live.getAttribute("data-transport")).toBe("sse");
    await shot(page, "desktop/09-confirmation-live-status");

    await page.getByRole("link", { name: "All orders" }).click();
    await page.getByRole("heading", { name: "Your orders" }).waitFor();
    await page.getByRole("link", { name: new RegExp(`#${orderId}`) }).waitFor();
    await shot(page, "desktop/10-order-history");
    await a11y(tab, "order history");

    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status, o.total_amount])).toEqual([
      [orderId, "PREPARING", total],
    ]);
    expect(orders[0]!.payment?.card).toEqual({ brand: "visa", last4: "4242" });
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("the order's SSE stream sends its status at once, on a replica and through Traefik", async () => {
    const { token, orderId } = await customerWithOrder(partner.restaurant.restaurant_id);
    const replica = (await replicas()).find((r) => r.running && r.url)!;
    for (const origin of [replica.url!, env.baseUrl]) {
      const first = await firstStatusEvent(origin, token, orderId, 3_000);
      expect(first && JSON.parse(first), `first event from ${origin}`).toMatchObject({
        order_id: orderId,
        order_status: "CONFIRMED",
      });
    }
  });

  test("a double click on Pay places one order and charges once", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const [dish] = availableDishes(restaurant, 1);
    const customer = newCustomer("dblclick");
    const orderPosts: string[] = [];
    const paymentPosts: string[] = [];
    page.on("request", (request) => {
      if (request.method() !== "POST") return;
      const path = new URL(request.url()).pathname;
      if (path === "/api/v1/orders") orderPosts.push(request.headers()["idempotency-key"] ?? "");
      if (/^\/api\/v1\/orders\/\d+\/payment$/.test(path)) paymentPosts.push(path);
    });

    await signUp(page, customer);
    await chooseCity(page, restaurant.city.city_name);
    await searchAndOpen(page, restaurant);
    await addDish(page, dish!);
    await openCart(page);
    await toCheckout(page);
    await addAddress(page, restaurant);
    await fillCard(page, GOOD_CARD);
    await payButton(page).dblclick();
    const orderId = await confirmation(page);
    await shot(page, "double-click/confirmation");

    expect(orderPosts).toHaveLength(1);
    expect(paymentPosts).toHaveLength(1);
    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => o.order_id)).toEqual([orderId]);
    expect(orders[0]!.payment?.payment_status).toBe("SUCCEEDED");
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("a declined card, then another card: the same order is paid", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const [dish] = availableDishes(restaurant, 1);
    const customer = newCustomer("declined");
    const paymentKeys: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && /\/orders\/\d+\/payment$/.test(request.url())) {
        paymentKeys.push(request.headers()["idempotency-key"] ?? "");
      }
    });

    await signUp(page, customer);
    await chooseCity(page, restaurant.city.city_name);
    await searchAndOpen(page, restaurant);
    await addDish(page, dish!);
    await openCart(page);
    await toCheckout(page);
    await addAddress(page, restaurant);
    await fillCard(page, DECLINED_CARD);
    await payButton(page).click();
    await page.getByRole("alert").getByText("Your card was declined. Please try another card.").waitFor();
    await page.getByText(/is placed and waiting for payment/).waitFor();
    await shot(page, "declined/01-card-declined");
    await a11y(tab, "declined");
    // The card number field has focus, ready for another card.
    expect(await page.getByLabel("Card number").evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByLabel("Card number").fill(GOOD_CARD);
    await payButton(page).click();
    const orderId = await confirmation(page);
    await shot(page, "declined/02-paid-with-another-card");

    expect(paymentKeys).toHaveLength(2);
    expect(new Set(paymentKeys).size).toBe(2); // a new key for the new card
    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status])).toEqual([[orderId, "CONFIRMED"]]);
    expect(orders[0]!.payment?.card?.last4).toBe("4242");
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
