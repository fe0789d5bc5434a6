// A customer's steps in the web app, by role and label (as a screen reader finds them).
import { randomInt, randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { type ApiDish, type ApiRestaurant, isPlain } from "./api";

export interface Customer {
  name: string;
  email: string;
  phone: string;
  password: string;
}

export function newCustomer(tag: string): Customer {
  return {
    name: `E2E ${tag}`,
    email: `e2e-${tag}-${randomUUID().slice(0, 8)}@example.com`,
    phone: `9${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`,
    password: "an end-to-end password",
  };
}

const INR = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" });

/** Paise as the web app writes rupees (₹1,234.50). */
export function rupees(paise: number): string {
  return INR.format(paise / 100);
}

export const GOOD_CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";

export async function signUp(page: Page, customer: Customer): Promise<void> {
  await page.goto("/signup");
  await page.getByRole("heading", { name: "Create an account" }).waitFor();
  await page.getByLabel("Full name").fill(customer.name);
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Mobile number").fill(customer.phone);
  await page.getByLabel("Password").fill(customer.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/city");
}

export async function chooseCity(page: Page, cityName: string): Promise<void> {
  await page.getByRole("heading", { name: "Where should we deliver?" }).waitFor();
  await page.getByRole("button", { name: new RegExp(`^${cityName}`) }).click();
  await page.getByRole("heading", { name: `Restaurants in ${cityName}` }).waitFor();
}

export async function searchAndOpen(page: Page, restaurant: ApiRestaurant): Promise<void> {
  const words = restaurant.restaurant_name.split(" ");
  await page.getByRole("searchbox", { name: "Search" }).fill(words.slice(0, 2).join(" "));
  await page.waitForURL(/q=/);
  await page.getByRole("link", { name: new RegExp(restaurant.restaurant_name) }).click();
  await page.getByRole("heading", { level: 1, name: restaurant.restaurant_name }).waitFor();
}

/** The first `count` dishes that go in the cart with one press of Add (no options). */
export function availableDishes(restaurant: ApiRestaurant, count: number): ApiDish[] {
  const dishes = restaurant.menu.filter((d) => d.availability && isPlain(d)).slice(0, count);
  if (dishes.length < count) throw new Error(`${restaurant.restaurant_name} has too few dishes`);
  return dishes;
}

export async function addDish(page: Page, dish: ApiDish): Promise<void> {
  await page.getByRole("button", { name: `Add ${dish.food_name}` }).click();
  await page.getByRole("group", { name: `Quantity of ${dish.food_name}` }).waitFor();
}

export async function oneMore(page: Page, dish: ApiDish, expected: number): Promise<void> {
  const group = page.getByRole("group", { name: `Quantity of ${dish.food_name}` });
  await group.getByRole("button", { name: `One more ${dish.food_name}` }).click();
  await group.locator("output").filter({ hasText: String(expected) }).waitFor();
}

export async function openCart(page: Page): Promise<void> {
  await page.getByRole("link", { name: "View cart" }).click();
  await page.getByRole("heading", { name: "Your cart" }).waitFor();
}

export async function toCheckout(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Checkout" }).click();
  await page.getByRole("heading", { name: "Checkout", level: 1 }).waitFor();
}

export async function addAddress(page: Page, restaurant: ApiRestaurant): Promise<void> {
  const form = page.getByRole("form", { name: "New address" });
  await form.waitFor();
  await form.getByLabel("Flat, house no., street").fill("12 Marine Drive");
  await form.getByLabel("Area (optional)").fill("Churchgate");
  await form.getByLabel("City").fill(restaurant.city.city_name);
  await form.getByLabel("PIN code").fill(restaurant.city.pincode);
  await form.getByRole("button", { name: "Save address" }).click();
  await page.getByRole("radio", { name: /Home/ }).waitFor();
}

export async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByRole("radio", { name: /^Card/ }).check();
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/31");
  await page.getByLabel("CVC").fill("123");
}

export function payButton(page: Page): Locator {
  return page.getByRole("button", { name: /^(Pay|Place order)/ });
}

export async function confirmation(page: Page): Promise<number> {
  await page.getByRole("heading", { name: "Order placed!" }).waitFor({ timeout: 60_000 });
  const match = /\/orders\/(\d+)/.exec(page.url());
  if (!match) throw new Error(`not on an order page: ${page.url()}`);
  return Number(match[1]);
}

/** Press Tab until `target` has focus: proves it is reachable, in order, by keyboard. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error("no such element");
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press("Tab");
    if (await handle.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reachable with Tab in ${max} presses`);
}

export async function noHorizontalScroll(page: Page): Promise<{ scroll: number; width: number }> {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
}
