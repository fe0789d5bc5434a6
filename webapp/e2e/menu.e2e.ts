// Issue 16 in Chromium, through Traefik, on the real stack: choosing a dish's options (a
// required choice missing cannot be added, the price follows the choice, two lines of one
// dish with different options, the order keeps them), rating a delivered order (shown on
// its page, edited, counted in the restaurant's score) and ordering a past order again
// (the cart holds it again; a dish taken off the menu meanwhile is named); a dish's name
// searched, the cost filter and sort; a favourite saved and listed.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "./support/api";
import type { ApiDish, ApiOption, ApiOptionGroup, ApiRestaurant } from "./support/api";
import { axeCheck, serious } from "./support/axe";
import { launch, openTab, shot } from "./support/browser";
import { setAvailability } from "./support/control";
import { enabled, env } from "./support/env";
import {
  addAddress,
  chooseCity,
  newCustomer,
  openCart,
  payButton,
  rupees,
  searchAndOpen,
  signUp,
  toCheckout,
} from "./support/flow";

interface Customisable {
  dish: ApiDish;
  /** Its first required one-answer group, and two of its options that cost differently. */
  group: ApiOptionGroup;
  cheap: ApiOption;
  dear: ApiOption;
}

/** A dish of the menu whose name no other dish's contains (so "Add <name>" is its button
 * alone) with a required single choice offering two available options at different prices,
 * and no other required group: found in the menu as the API serves it, never by id. */
function customisable(restaurant: ApiRestaurant): Customisable {
  const names = restaurant.menu.map((d) => d.food_name);
  for (const dish of restaurant.menu) {
    if (!dish.availability || names.filter((n) => n.includes(dish.food_name)).length !== 1) continue;
    const required = dish.option_groups.filter((g) => g.min_choices > 0);
    const group = required[0];
    if (required.length !== 1 || !group || group.min_choices !== 1 || group.max_choices !== 1) continue;
    const offered = group.options.filter((o) => o.availability).sort((a, b) => a.price_delta - b.price_delta);
    const cheap = offered[0];
    const dear = offered.at(-1);
    if (cheap && dear && dear.price_delta > cheap.price_delta) return { dish, group, cheap, dear };
  }
  throw new Error(`${restaurant.restaurant_name} has no dish with a required choice of two prices`);
}

function picker(page: Page, dish: ApiDish) {
  return page.getByRole("dialog", { name: dish.food_name, exact: true });
}

async function openPicker(page: Page, dish: ApiDish) {
  await page.getByRole("button", { name: `Add ${dish.food_name}`, exact: true }).click();
  const dialog = picker(page, dish);
  await dialog.waitFor();
  return dialog;
}

/** The stack's clock (FOOD_CLOCK_START, running at real speed) for the browser, as a
 * customer's device agrees with the API's: "editable until" is read against it. */
async function stackClock(page: Page): Promise<void> {
  expect(env.clockStart, "E2E_CLOCK_START (the stack's FOOD_CLOCK_START)").not.toBe("");
  await page.context().clock.install({ time: new Date(env.clockStart) });
}

describe.skipIf(!enabled)("options, ratings and order again", () => {
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof api.partner>>;

  beforeAll(async () => {
    browser = await launch();
    partner = await api.partner();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("options: a required choice is needed, the price follows it, two choices are two lines, the order keeps them", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const { dish, group, cheap, dear } = customisable(restaurant);
    const customer = newCustomer("options");

    await signUp(page, customer);
    await chooseCity(page, restaurant.city.city_name);
    await searchAndOpen(page, restaurant);
    const session = await api.login(customer.email, customer.password);

    // Without the required choice nothing is added: the dialog says what is missing.
    let dialog = await openPicker(page, dish);
    const price = dialog.getByTestId("picker-price");
    await price.getByText(rupees(dish.price), { exact: true }).waitFor();
    const groupBox = dialog.getByRole("group", { name: `${group.group_name} Required` });
    await groupBox.getByText("Required · choose 1").waitFor();
    await dialog.getByRole("button", { name: /^Add to cart/ }).click();
    await dialog.getByRole("alert").getByText(`Still to choose: ${group.group_name}.`).waitFor();
    expect(await groupBox.getAttribute("aria-invalid")).toBe("true");
    expect((await api.cartOf(session.token)).food_items).toEqual([]);
    expect(serious(await axeCheck(page, "option picker")), "axe on the option picker").toEqual([]);
    await shot(page, "menu/01-required-choice-missing");

    // The price follows the choice.
    await groupBox.getByRole("radio", { name: new RegExp(`^${cheap.option_name}`) }).check();
    await price.getByText(rupees(dish.price + cheap.price_delta), { exact: true }).waitFor();
    await groupBox.getByRole("radio", { name: new RegExp(`^${dear.option_name}`) }).check();
    await price.getByText(rupees(dish.price + dear.price_delta), { exact: true }).waitFor();
    await dialog.getByRole("button", { name: `One more ${dish.food_name}` }).click();
    await price.getByText(rupees(2 * (dish.price + dear.price_delta)), { exact: true }).waitFor();
    await shot(page, "menu/02-price-follows-the-choice");
    await dialog.getByRole("button", { name: `Add to cart · ${rupees(2 * (dish.price + dear.price_delta))}` }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`Added 2 × ${dish.food_name} (${dear.option_name})`).waitFor();

    // The same dish with the other choice: a second line.
    dialog = await openPicker(page, dish);
    await dialog.getByRole("radio", { name: new RegExp(`^${cheap.option_name}`) }).check();
    await dialog.getByRole("button", { name: /^Add to cart/ }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("3 in cart").waitFor();

    const lines = (await api.cartOf(session.token)).food_items;
    expect(
      lines.map((l) => [l.food_id, l.options.map((o) => o.option_id), l.quantity, l.price]).sort((a, b) => Number(a[2]) - Number(b[2])),
    ).toEqual([
      [dish.food_id, [cheap.option_id], 1, dish.price + cheap.price_delta],
      [dish.food_id, [dear.option_id], 2, dish.price + dear.price_delta],
    ]);

    // The cart lists each line with its options and changes it by its line.
    await openCart(page);
    const cheapLine = page.getByRole("group", { name: `Quantity of ${dish.food_name} (${cheap.option_name})`, exact: true });
    const dearLine = page.getByRole("group", { name: `Quantity of ${dish.food_name} (${dear.option_name})`, exact: true });
    await cheapLine.locator("output").getByText("1", { exact: true }).waitFor();
    await dearLine.locator("output").getByText("2", { exact: true }).waitFor();
    await cheapLine.getByRole("button", { name: `One more ${dish.food_name} (${cheap.option_name})` }).click();
    await cheapLine.locator("output").getByText("2", { exact: true }).waitFor();
    expect(
      (await api.cartOf(session.token)).food_items.map((l) => [l.options[0]?.option_id, l.quantity]).sort(),
    ).toEqual([
      [cheap.option_id, 2],
      [dear.option_id, 2],
    ].sort());
    expect(serious(await axeCheck(page, "cart with options")), "axe on the cart").toEqual([]);
    await shot(page, "menu/03-cart-two-lines");

    // Ordered: the order keeps each line's options and prices.
    await toCheckout(page);
    await addAddress(page, restaurant);
    await page.getByRole("radio", { name: /^Cash on delivery/ }).check();
    await payButton(page).click();
    await page.getByRole("heading", { name: "Order placed!" }).waitFor({ timeout: 60_000 });
    const items = page.getByRole("region", { name: restaurant.restaurant_name, exact: true });
    for (const option of [cheap, dear]) {
      await items.getByRole("listitem").filter({ hasText: `2 × ${dish.food_name}` }).filter({ hasText: option.option_name }).waitFor();
    }
    await shot(page, "menu/04-order-with-options");
    const [order] = await api.ordersOf(session.token);
    expect(
      order!.items.map((i) => [i.food_id, i.options.map((o) => o.option_name), i.quantity, i.price]).sort(),
    ).toEqual(
      [
        [dish.food_id, [cheap.option_name], 2, dish.price + cheap.price_delta],
        [dish.food_id, [dear.option_name], 2, dish.price + dear.price_delta],
      ].sort(),
    );
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("rating: a delivered order is rated on its page, edited, and the restaurant counts it", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    await stackClock(page);
    const restaurant = partner.restaurant;
    const { dish, dear } = customisable(restaurant);
    const customer = newCustomer("rating");
    await signUp(page, customer);
    const session = await api.login(customer.email, customer.password);
    const order = await api.orderOverApi(session.token, restaurant, [{ dish, optionIds: [dear.option_id], quantity: 1 }]);
    const before = await api.ratingsOf(restaurant.restaurant_id);

    // Not delivered yet: no prompt, and the API refuses a rating.
    await page.goto(`/orders/${order.order_id}`);
    await page.getByRole("heading", { name: `Order #${order.order_id}` }).waitFor();
    expect(await page.getByRole("heading", { name: "Your rating" }).count()).toBe(0);

    // The restaurant delivers it; the page follows and asks for a rating.
    for (const status of ["PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"]) {
      await api.advance(partner.session.token, order.order_id, status);
    }
    await page.getByTestId("order-status").getByText("Delivered").waitFor({ timeout: 20_000 });
    const form = page.getByRole("form", { name: "Rate this order" });
    await form.waitFor();
    await page.getByText(`How was your food from ${restaurant.restaurant_name}?`).waitFor();
    expect(serious(await axeCheck(page, "rating prompt")), "axe on the rating prompt").toEqual([]);
    await shot(page, "menu/05-rating-prompt");

    await form.getByRole("radio", { name: "4 stars", exact: true }).check();
    await form.getByLabel("Review (optional)").fill("Hot and fresh.\nThe portion was generous.");
    await form.getByRole("button", { name: "Submit rating" }).click();
    const given = page.getByTestId("my-rating");
    await given.getByText("You rated it 4 out of 5").waitFor();
    await given.getByText(/Hot and fresh\./).waitFor();
    expect(await api.ratingOf(session.token, order.order_id)).toMatchObject({
      stars: 4,
      review: "Hot and fresh.\nThe portion was generous.",
    });
    await shot(page, "menu/06-rated");

    // Editable for 24 hours: changed to 5 stars.
    await given.getByRole("button", { name: "Edit rating" }).click();
    await form.getByRole("radio", { name: "5 stars", exact: true }).check();
    await form.getByRole("button", { name: "Save rating" }).click();
    await page.getByTestId("my-rating").getByText("You rated it 5 out of 5").waitFor();
    expect(await api.ratingOf(session.token, order.order_id)).toMatchObject({ stars: 5 });

    // Still shown after a reload.
    await page.reload();
    await page.getByTestId("my-rating").getByText("You rated it 5 out of 5").waitFor();

    // The restaurant's score counts it (once the replicas' catalog caches expire).
    let after = await api.ratingsOf(restaurant.restaurant_id);
    for (let waited = 0; after.rating_count === before.rating_count && waited < 30_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await api.ratingsOf(restaurant.restaurant_id);
    }
    expect(after.rating_count).toBe(before.rating_count + 1);
    const spoken = `Rated ${after.restaurant_rating.toFixed(1)} out of 5 from ${new Intl.NumberFormat("en-IN").format(after.rating_count)} ratings`;
    // The other replica's cache may still hold the old count for one lifetime: the page
    // is loaded again until it shows the new one (a few tries, a second or two each).
    const counted = page.locator(".facts").getByText(spoken, { exact: true });
    let shown = false;
    for (let tries = 0; !shown && tries < 15; tries += 1) {
      await page.goto(`/restaurants/${restaurant.restaurant_id}`);
      await page.getByRole("heading", { level: 1, name: restaurant.restaurant_name }).waitFor();
      shown = await counted.waitFor({ timeout: 1_000 }).then(() => true, () => false);
    }
    expect(shown, `the restaurant's page says "${spoken}"`).toBe(true);
    await shot(page, "menu/07-restaurant-rating-count");
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  test("order again: the cart holds the past order again; a dish taken off the menu is named", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const { dish, cheap } = customisable(restaurant);
    // A plain dish (no options) that the other cases leave alone: the last one of the menu.
    const gone = restaurant.menu.filter((d) => d.availability && api.isPlain(d) && d.food_id !== dish.food_id).at(-2)!;
    const customer = newCustomer("reorder");
    await signUp(page, customer);
    const session = await api.login(customer.email, customer.password);
    const order = await api.orderOverApi(session.token, restaurant, [
      { dish, optionIds: [cheap.option_id], quantity: 2 },
      { dish: gone, optionIds: [], quantity: 1 },
    ]);
    for (const status of ["PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"]) {
      await api.advance(partner.session.token, order.order_id, status);
    }

    const off = await setAvailability(gone.food_id, false);
    try {
      expect(off.old_availability).toBe(true);
      await page.goto("/orders");
      await page.getByRole("heading", { name: "Your orders" }).waitFor();
      await shot(page, "menu/08-orders-with-order-again");
      await page.getByRole("button", { name: `Order again from ${restaurant.restaurant_name}, order #${order.order_id}` }).click();
      await page.getByRole("heading", { name: "Your cart" }).waitFor();
      await page.getByText(`Your cart now holds order #${order.order_id} again, at today's prices.`).waitFor();
      await page.getByTestId("reorder-unavailable").getByText(`Not available any more, so not added: ${gone.food_name}.`).waitFor();
      const line = page.getByRole("group", { name: `Quantity of ${dish.food_name} (${cheap.option_name})`, exact: true });
      await line.locator("output").getByText("2", { exact: true }).waitFor();
      expect(await page.getByText(gone.food_name, { exact: true }).count()).toBe(0);
      expect(serious(await axeCheck(page, "cart after order again")), "axe on the reordered cart").toEqual([]);
      await shot(page, "menu/09-reordered-cart");

      const cart = await api.cartOf(session.token);
      expect(cart.food_items.map((l) => [l.food_id, l.options.map((o) => o.option_id), l.quantity])).toEqual([
        [dish.food_id, [cheap.option_id], 2],
      ]);
      expect(tab.problems).toEqual([]);
    } finally {
      await setAvailability(gone.food_id, true); // the other cases see the menu as it was
      await tab.context.close();
    }
  });

  test("search and favourites: a dish's name finds its restaurant and says so; cost filter and sort; a favourite saved and listed", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    const { pincode, city_name } = restaurant.city;
    const names = restaurant.menu.map((d) => d.food_name);
    // A dish of its own name whose search lists the restaurant, and the dish, on the first page.
    let dish: ApiDish | undefined;
    for (const candidate of restaurant.menu.filter((d) => names.filter((n) => n.includes(d.food_name)).length === 1)) {
      const hits = await api.search(pincode, `q=${encodeURIComponent(candidate.food_name)}&limit=6`);
      const matched = hits.find((h) => h.restaurant_id === restaurant.restaurant_id)?.matched_dishes ?? [];
      // Among the three names a card shows.
      if (matched.slice(0, 3).includes(candidate.food_name)) {
        dish = candidate;
        break;
      }
    }
    if (!dish) throw new Error(`no dish of ${restaurant.restaurant_name} finds it on a search's first page`);
    // A ceiling the web app offers that at least two of the city's restaurants are under.
    let ceiling = 0;
    let cheapest: Awaited<ReturnType<typeof api.search>> = [];
    for (const rupeesAtMost of [300, 500, 800, 1200]) {
      cheapest = await api.search(pincode, `max_cost_for_two=${rupeesAtMost * 100}&sort=cost&limit=6`);
      ceiling = rupeesAtMost;
      if (cheapest.length >= 2) break;
    }
    const customer = newCustomer("favourite");
    await signUp(page, customer);
    await chooseCity(page, city_name);

    // A dish's name: the restaurant whose menu has it, with the dish named.
    await page.getByRole("searchbox", { name: "Search" }).fill(dish.food_name);
    await page.waitForURL(/q=/);
    const card = page.getByRole("link", { name: new RegExp(restaurant.restaurant_name) });
    await card.getByText(new RegExp(`^Matches: .*${dish.food_name.replace(/[()]/g, "\\$&")}`)).waitFor();
    await shot(page, "menu/10-dish-search");

    // Cost for two at most the ceiling, cheapest first: the list the API gives for that query.
    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await page.waitForURL((url) => !url.search.includes("q="));
    await page.getByLabel("Cost for two").selectOption(String(ceiling));
    await page.getByLabel("Sort by").selectOption("cost");
    await page.waitForURL(new RegExp(`max_cost=${ceiling}.*sort=cost`));
    expect(cheapest.length).toBeGreaterThan(0);
    expect(cheapest.every((r) => r.cost_for_two <= ceiling * 100)).toBe(true);
    const costs = cheapest.map((r) => r.cost_for_two);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const titles = page.locator(".card-grid .card-title");
    await expect.poll(() => titles.allInnerTexts()).toEqual(cheapest.map((r) => r.restaurant_name));
    await shot(page, "menu/11-cost-filter-and-sort");

    // A favourite: the toggle on its page, then the favourites page lists it.
    await page.goto(`/restaurants/${restaurant.restaurant_id}`);
    await page.getByRole("heading", { level: 1, name: restaurant.restaurant_name }).waitFor();
    const toggle = page.getByRole("button", { name: "Favourite", exact: true });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    const session = await api.login(customer.email, customer.password);
    expect(await api.favouritesOf(session.token)).toEqual([restaurant.restaurant_id]);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Favourites" }).click();
    const saved = page.getByRole("list", { name: "Favourite restaurants" });
    await saved.getByRole("link", { name: new RegExp(restaurant.restaurant_name) }).waitFor();
    const heart = saved.getByRole("button", { name: `Favourite: ${restaurant.restaurant_name}` });
    expect(await heart.getAttribute("aria-pressed")).toBe("true");
    expect(serious(await axeCheck(page, "favourites")), "axe on the favourites page").toEqual([]);
    await shot(page, "menu/12-favourites");
    await heart.click();
    await expect.poll(() => api.favouritesOf(session.token)).toEqual([]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
