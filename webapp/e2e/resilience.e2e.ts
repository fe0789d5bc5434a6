// When things go wrong: a replica dies mid-checkout, the session expires, the server is
// unreachable, a page does not exist.
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as api from "./support/api";
import { axeCheck, serious } from "./support/axe";
import { launch, openTab, shot } from "./support/browser";
import { killReplica, replicas, restartReplica, waitForReplicas } from "./support/control";
import { enabled } from "./support/env";
import {
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
  searchAndOpen,
  signUp,
  toCheckout,
} from "./support/flow";

describe.skipIf(!enabled)("resilience in the browser", () => {
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof api.partner>>;

  beforeAll(async () => {
    browser = await launch();
    partner = await api.partner();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await waitForReplicas(); // the next test starts with both replicas serving
  });

  test("replicas SIGKILLed mid-flow, one while the payment is in flight: one order, paid once", async () => {
    await waitForReplicas();
    const pidsBefore = (await replicas()).map((r) => r.pid);
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const [dish] = availableDishes(restaurant, 1);
    const customer = newCustomer("sigkill");
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
    // Replica A dies between two steps; the supervisor brings it back.
    await killReplica(0);
    await oneMore(page, dish!, 2);
    await openCart(page);
    await toCheckout(page);
    await addAddress(page, restaurant);
    await fillCard(page, GOOD_CARD);
    await waitForReplicas();

    // B is down for good for now, so the payment goes to A; A is killed while it waits
    // for the payments service (300 ms), and B comes back.
    await killReplica(1, true);
    const payment = page.waitForRequest((r) => r.method() === "POST" && /\/payment$/.test(r.url()));
    await payButton(page).click();
    await payment;
    await new Promise((resolve) => setTimeout(resolve, 120));
    await killReplica(0);
    await restartReplica(1);
    const orderId = await confirmation(page);
    await shot(page, "sigkill/confirmation-after-replica-kills");

    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status])).toEqual([[orderId, "CONFIRMED"]]);
    expect(orders[0]!.payment?.payment_status).toBe("SUCCEEDED");
    expect(new Set(paymentKeys).size).toBe(1); // retried with the same key only
    await waitForReplicas();
    const pidsAfter = (await replicas()).map((r) => r.pid);
    expect(pidsAfter[0]).not.toBe(pidsBefore[0]);
    expect(pidsAfter[1]).not.toBe(pidsBefore[1]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("an expired session goes back to the login page, and then back to the menu", async () => {
    const tab = await openTab(browser);
    const { page, context } = tab;
    const restaurant = partner.restaurant;
    const [dish] = availableDishes(restaurant, 1);
    const customer = newCustomer("expired");
    await signUp(page, customer);
    await chooseCity(page, restaurant.city.city_name);
    await searchAndOpen(page, restaurant);
    await context.clearCookies({ name: "food_session" });
    await page.getByRole("button", { name: `Add ${dish!.food_name}` }).click();
    await page.waitForURL(/\/login\?.*expired=1/);
    await page.getByText("Your session has expired. Please sign in again.").waitFor();
    await shot(page, "errors/session-expired");
    expect(serious(await axeCheck(page, "login (expired)"))).toEqual([]);

    await page.getByLabel("Email").fill(customer.email);
    await page.getByLabel("Password").fill(customer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: restaurant.restaurant_name }).waitFor();
    await addDish(page, dish!);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("a wrong password is explained", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("That email and password don't match").waitFor();
    await shot(page, "errors/login-failed");
    expect(serious(await axeCheck(page, "login (failed)"))).toEqual([]);
    await tab.context.close();
  });

  test("an unreachable server shows an error with a retry that works", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    await page.route("**/api/v1/cities", (route) => route.abort("connectionrefused"));
    await page.goto("/city");
    await page.getByRole("alert").getByText("We can't reach the server").waitFor();
    await shot(page, "errors/server-unreachable");
    expect(serious(await axeCheck(page, "unreachable"))).toEqual([]);
    await page.unroute("**/api/v1/cities");
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("button", { name: /^Mumbai/ }).waitFor();

    // A slow answer shows the loading skeleton meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v1/restaurants/*", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/restaurants/${partner.restaurant.restaurant_id}`);
    await page.getByRole("status").getByText("Loading the menu…").waitFor({ state: "attached" });
    await shot(page, "errors/loading-skeleton");
    release();
    await page.getByRole("heading", { level: 1, name: partner.restaurant.restaurant_name }).waitFor();
    await tab.context.close();
  });

  test("an unknown page is a 404 page; a search without results says so", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    await page.goto("/no/such/page");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await shot(page, "errors/404");
    expect(serious(await axeCheck(page, "404"))).toEqual([]);

    await page.goto("/city");
    await page.getByRole("button", { name: /^Mumbai/ }).click();
    await page.getByRole("searchbox", { name: "Search" }).fill("zzzz no such food");
    await page.getByText("No restaurants match.").waitFor();
    await shot(page, "errors/search-empty");
    expect(serious(await axeCheck(page, "search (empty)"))).toEqual([]);
    await page.getByRole("button", { name: "Clear search and filters" }).click();
    await page.getByRole("link", { name: new RegExp(partner.restaurant.restaurant_name) }).waitFor();
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
