// A 360 px phone, and a customer who uses only the keyboard.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "./support/api";
import { axeCheck, serious } from "./support/axe";
import { launch, openTab, shot } from "./support/browser";
import { enabled } from "./support/env";
import {
  addAddress,
  addDish,
  availableDishes,
  chooseCity,
  confirmation,
  newCustomer,
  noHorizontalScroll,
  openCart,
  payButton,
  searchAndOpen,
  signUp,
  tabTo,
  toCheckout,
} from "./support/flow";

describe.skipIf(!enabled)("small screens and keyboards", () => {
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof api.partner>>;

  beforeAll(async () => {
    browser = await launch();
    partner = await api.partner();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function fits(page: Page, label: string) {
    const { scroll, width } = await noHorizontalScroll(page);
    expect(scroll, `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    expect(serious(await axeCheck(page, `360px ${label}`)), `axe on ${label}`).toEqual([]);
  }

  test("the whole flow on a 360 px wide phone, paying by UPI", async () => {
    const tab = await openTab(browser, { width: 360, height: 780, mobile: true });
    const { page } = tab;
    const restaurant = partner.restaurant;
    const [first, second] = availableDishes(restaurant, 2);
    const customer = newCustomer("mobile");

    await page.goto("/signup");
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    await shot(page, "mobile/01-signup");
    await fits(page, "signup");
    await signUp(page, customer);
    await shot(page, "mobile/02-city");
    await fits(page, "city");
    await chooseCity(page, restaurant.city.city_name);
    await page.getByRole("link", { name: new RegExp(restaurant.restaurant_name) }).first().waitFor();
    await shot(page, "mobile/03-search");
    await fits(page, "search");
    await searchAndOpen(page, restaurant);
    await addDish(page, first!);
    await addDish(page, second!);
    await shot(page, "mobile/04-restaurant");
    await fits(page, "restaurant");
    await openCart(page);
    await shot(page, "mobile/05-cart");
    await fits(page, "cart");
    await toCheckout(page);
    await addAddress(page, restaurant);
    await page.getByRole("radio", { name: /^UPI/ }).check();
    await page.getByLabel("UPI ID").fill("e2e.customer@okbank");
    await shot(page, "mobile/06-checkout");
    await fits(page, "checkout");
    await payButton(page).click();
    const orderId = await confirmation(page);
    await shot(page, "mobile/07-confirmation");
    await fits(page, "confirmation");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).click();
    await page.getByRole("link", { name: new RegExp(`#${orderId}`) }).waitFor();
    await shot(page, "mobile/08-orders");
    await fits(page, "orders");

    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status])).toEqual([[orderId, "CONFIRMED"]]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("the whole flow with the keyboard only, cash on delivery", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const [dish] = availableDishes(restaurant, 1);
    const customer = newCustomer("keyboard");
    const key = (k: string) => page.keyboard.press(k);

    await page.goto("/signup");
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    await key("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await tabTo(page, page.getByLabel("Full name"));
    await page.keyboard.type(customer.name);
    await key("Tab");
    await page.keyboard.type(customer.email);
    await key("Tab");
    await page.keyboard.type(customer.phone);
    await key("Tab");
    await page.keyboard.type(customer.password);
    await key("Enter");
    await page.waitForURL("**/city");

    await tabTo(page, page.getByRole("button", { name: new RegExp(`^${restaurant.city.city_name}`) }));
    await key("Enter");
    await page.getByRole("heading", { name: `Restaurants in ${restaurant.city.city_name}` }).waitFor();
    await tabTo(page, page.getByRole("searchbox", { name: "Search" }));
    await page.keyboard.type(restaurant.restaurant_name);
    await page.waitForURL(/q=/);
    const card = page.getByRole("link", { name: new RegExp(restaurant.restaurant_name) });
    await card.waitFor();
    await tabTo(page, card);
    await key("Enter");
    await page.getByRole("heading", { level: 1, name: restaurant.restaurant_name }).waitFor();

    await tabTo(page, page.getByRole("button", { name: `Add ${dish!.food_name}` }), 200);
    await key("Enter");
    const more = page.getByRole("button", { name: `One more ${dish!.food_name}` });
    await more.waitFor();
    // Focus stays usable after the Add button turns into the stepper.
    await tabTo(page, page.getByRole("link", { name: "View cart" }), 200);
    await key("Enter");
    await page.getByRole("heading", { name: "Your cart" }).waitFor();
    await tabTo(page, page.getByRole("link", { name: "Checkout" }));
    await key("Enter");
    await page.getByRole("heading", { name: "Checkout", level: 1 }).waitFor();

    const form = page.getByRole("form", { name: "New address" });
    await tabTo(page, form.getByLabel("Flat, house no., street"));
    await page.keyboard.type("7 Keyboard Lane");
    await tabTo(page, form.getByLabel("City"));
    await key("Control+A");
    await page.keyboard.type(restaurant.city.city_name);
    await key("Tab");
    await key("Control+A");
    await page.keyboard.type(restaurant.city.pincode);
    await tabTo(page, form.getByRole("button", { name: "Save address" }));
    await key("Enter");
    await page.getByRole("radio", { name: /Home/ }).waitFor();

    await tabTo(page, page.getByRole("radio", { name: /^Card/ }));
    await key("ArrowDown");
    await key("ArrowDown");
    expect(await page.getByRole("radio", { name: /^Cash on delivery/ }).isChecked()).toBe(true);
    await tabTo(page, payButton(page));
    await shot(page, "keyboard/checkout-focus-on-place-order");
    await key("Enter");
    const orderId = await confirmation(page);
    await shot(page, "keyboard/confirmation");

    const session = await api.login(customer.email, customer.password);
    const orders = await api.ordersOf(session.token);
    expect(orders.map((o) => [o.order_id, o.order_status])).toEqual([[orderId, "CONFIRMED"]]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
