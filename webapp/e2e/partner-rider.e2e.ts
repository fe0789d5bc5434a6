// The restaurant and the rider (issue 17): a partner's console in a second browser sees a
// paid order arrive live, accepts it and marks the food ready; the customer's page shows
// the rider and the ETA as they come; the rider picks it up and delivers it. An order
// nobody accepts is cancelled and refunded on the customer's page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "./support/api";
import { axeCheck, serious } from "./support/axe";
import { type Tab, launch, openTab, shot } from "./support/browser";
import { replicas } from "./support/control";
import { enabled, env } from "./support/env";
import {
  type Customer,
  GOOD_CARD,
  addAddress,
  addDish,
  availableDishes,
  chooseCity,
  confirmation,
  fillCard,
  newCustomer,
  openCart,
  payButton,
  searchAndOpen,
  signUp,
  toCheckout,
} from "./support/flow";

async function a11y(tab: Tab, label: string) {
  expect(serious(await axeCheck(tab.page, label)), `axe on ${label}`).toEqual([]);
}

/** Sign in on the web app's login page; the account's own page follows. */
async function signIn(page: Page, email: string, landing: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(env.demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**${landing}`);
}

/** A new customer orders one dish of the partner's restaurant and pays by card, in the
 * browser; the order page it lands on. */
async function orderAndPay(
  page: Page,
  restaurant: api.ApiRestaurant,
  tag: string,
): Promise<{ orderId: number; customer: Customer }> {
  const [dish] = availableDishes(restaurant, 1);
  const customer = newCustomer(tag);
  await signUp(page, customer);
  await chooseCity(page, restaurant.city.city_name);
  await searchAndOpen(page, restaurant);
  await addDish(page, dish!);
  await openCart(page);
  await toCheckout(page);
  await addAddress(page, restaurant);
  await fillCard(page, GOOD_CARD);
  await payButton(page).click();
  return { orderId: await confirmation(page), customer };
}

/** Marks the document, so a later check can tell the page was never reloaded. */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

describe.skipIf(!enabled)("the restaurant and the rider", () => {
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof api.partner>>;
  let riders: api.Rider[];
  let clockOffset = 0;

  /** A browser context whose clock agrees with the API's (the countdown to accept_by and
   * the ETA's minutes are read against it), as a partner's or customer's device does. */
  async function tabOnStackTime(options?: Parameters<typeof openTab>[1]): Promise<Tab> {
    const tab = await openTab(browser, options);
    await tab.context.clock.install({ time: new Date(Date.now() + clockOffset) });
    return tab;
  }

  beforeAll(async () => {
    browser = await launch();
    partner = await api.partner();
    riders = await api.ridersOf(partner.restaurant.city.pincode);
    // Orders other cases accepted may still hold the city's riders.
    await api.freeRiders(partner.session.token, riders);
    clockOffset = await api.stackClockOffsetMs();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the partner accepts a new order live; the customer sees the rider and the ETA; the rider delivers it", async () => {
    // The partner's console first, in its own browser context (its own cookies).
    const console_ = await tabOnStackTime();
    const desk = console_.page;
    await signIn(desk, env.partnerEmail, "/partner");
    await desk.getByRole("heading", { name: "Restaurant console", level: 1 }).waitFor();
    const transport = desk.getByTestId("partner-live");
    await transport.waitFor();
    await markNoReload(desk);
    await a11y(console_, "partner console");

    const customer = await tabOnStackTime();
    const page = customer.page;
    const { orderId } = await orderAndPay(page, partner.restaurant, "partner-live");
    await page.getByTestId("live").waitFor();
    await markNoReload(page);

    // It arrives on the console without a reload, with its total, payment and countdown.
    const card = desk.getByRole("article", { name: `Order #${orderId}` });
    await card.waitFor({ timeout: 20_000 });
    await card.getByText(/Card, paid/).waitFor();
    await card.getByTestId("accept-countdown").getByText(/Accept within \d:\d\d/).waitFor();
    console.log(`[partner console] following its orders by ${await transport.getAttribute("data-transport")}`);
    await shot(desk, "partner/01-new-order");
    await a11y(console_, "partner console with a new order");

    // A preparation time out of range is refused by the form itself.
    await card.getByLabel("Preparation time (minutes)").fill("3");
    await card.getByRole("button", { name: "Accept" }).click();
    await card.getByText("Enter whole minutes from 5 to 120.").waitFor();

    await card.getByLabel("Preparation time (minutes)").fill("12");
    await card.getByRole("button", { name: "Accept" }).click();
    const preparing = desk.getByRole("region", { name: /Being prepared/ });
    const accepted = preparing.getByRole("article", { name: `Order #${orderId}` });
    await accepted.getByText("12 min", { exact: false }).waitFor();
    await accepted.getByTestId("partner-order-rider").getByText(/ · phone /).waitFor({ timeout: 20_000 });
    await accepted.getByRole("button", { name: "Food ready" }).click();
    await accepted.getByTestId("partner-order-ready").waitFor();
    await shot(desk, "partner/02-accepted-ready");
    await a11y(console_, "partner console with an accepted order");

    // The customer's page shows the rider and the ETA, live.
    const riderLine = page.getByTestId("order-rider");
    await riderLine.waitFor({ timeout: 20_000 });
    const riderName = (await riderLine.textContent())!.split(" · ")[0]!.trim();
    expect(await riderLine.textContent()).toMatch(/ · phone \d{2}X+\d{2}$/);
    await page.getByTestId("order-eta").getByText(/\(in \d+ min\)|any minute now/).waitFor();
    await page.getByTestId("order-status").getByText("Being prepared").waitFor();
    expect(await sameDocument(page)).toBe(true);
    await shot(page, "partner/03-customer-rider-eta");
    await a11y(customer, "order page with its rider");

    // The rider who got it (the customer's page names them) picks it up and delivers it.
    const rider = await api.riderWith(riders, orderId);
    expect(rider, "a rider carries the order").not.toBeNull();
    const riderTab = await tabOnStackTime({ width: 420, height: 860, mobile: true });
    await signIn(riderTab.page, rider!.email, "/rider");
    const job = riderTab.page.getByRole("article", { name: `Order #${orderId}` });
    await job.waitFor();
    await riderTab.page.getByText(`Signed in as ${riderName}`).waitFor();
    await job.getByText(partner.restaurant.restaurant_name).waitFor();
    await job.getByText("Paid online: nothing to collect").waitFor();
    await a11y(riderTab, "rider job");
    await shot(riderTab.page, "rider/01-job");
    await job.getByRole("button", { name: "Picked up" }).click();
    await page.getByTestId("order-status").getByText("Out for delivery").waitFor({ timeout: 15_000 });
    await job.getByRole("button", { name: "Delivered" }).click();
    await riderTab.page.getByText(`Order #${orderId} delivered.`).waitFor();
    await page.getByTestId("order-status").getByText("Delivered").waitFor({ timeout: 15_000 });
    expect(await sameDocument(page)).toBe(true);
    // The order has left the console's open orders, without a reload either.
    await desk.getByRole("article", { name: `Order #${orderId}` }).waitFor({ state: "detached", timeout: 15_000 });
    expect(await sameDocument(desk)).toBe(true);
    await shot(riderTab.page, "rider/02-delivered");

    expect([...console_.problems, ...customer.problems, ...riderTab.problems]).toEqual([]);
    await Promise.all([console_.context.close(), customer.context.close(), riderTab.context.close()]);
  });

  test("the partner's SSE stream sends the open orders at once, on a replica", async () => {
    // Through Traefik the console may fall back to polling (data-transport="polling"):
    // /api/v1/partner/events is not on Traefik's unbuffered events router.
    const replica = (await replicas()).find((r) => r.running && r.url)!;
    const first = await api.firstPartnerEvent(replica.url!, partner.session.token, 3_000);
    expect(first && (JSON.parse(first) as { orders: unknown[] }).orders).toBeInstanceOf(Array);
  });

  test("an order the restaurant leaves unanswered is cancelled and refunded on the customer's page", async () => {
    const customer = await tabOnStackTime();
    const page = customer.page;
    const { orderId, customer: who } = await orderAndPay(page, partner.restaurant, "unanswered");
    await page.getByTestId("order-waiting").waitFor();
    await markNoReload(page);
    // Nobody accepts it: after the accept window (and a sweep) it is cancelled and refunded.
    await page
      .getByTestId("cancel-reason")
      .getByText("The restaurant did not accept in time — refunded.")
      .waitFor({ timeout: (env.partnerAcceptS + 60) * 1000 });
    await page.getByTestId("order-status").getByText("Cancelled").waitFor();
    expect(await sameDocument(page)).toBe(true);
    await shot(page, "partner/04-not-accepted-refunded");
    await a11y(customer, "order not accepted in time");

    const session = await api.login(who.email, who.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status, o.payment?.payment_status])).toEqual([
      [orderId, "CANCELLED", "REFUNDED"],
    ]);
    expect(customer.problems).toEqual([]);
    await customer.context.close();
  }, 180_000);
});
