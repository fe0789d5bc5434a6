// The bill (issue 14) in Chromium, through Traefik, on the real stack: every line of it on
// the cart, checkout and order pages, a coupon refused then applied, a tip — and the
// bill shown is the bill charged and the receipt.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "./support/api";
import type { ApiBill, ApiDish } from "./support/api";
import { launch, openTab, shot } from "./support/browser";
import { enabled } from "./support/env";
import {
  GOOD_CARD,
  addAddress,
  addDish,
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

const WELCOME_MINIMUM = 14_900; // WELCOME50 needs an item total of ₹149

function amountOf(bill: ApiBill, code: string): number {
  return bill.lines.find((line) => line.code === code)?.amount ?? 0;
}

async function openBill(page: Page): Promise<void> {
  const toggle = page.getByRole("button", { name: "Bill details" }).first();
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await page.getByRole("list", { name: "Bill details" }).first().waitFor();
}

/** Every line of the API's bill is on the page, with its amount as the page writes it. */
async function expectBillShown(page: Page, bill: ApiBill): Promise<void> {
  const list = page.getByRole("list", { name: "Bill details" }).first();
  for (const line of bill.lines) {
    const row = list.locator(`.bill-line-${line.code}`).first();
    await row.getByText(line.label, { exact: true }).first().waitFor();
    const shown = line.amount < 0 ? `− ${rupees(-line.amount)}` : line.code === "delivery_fee" && line.amount === 0 ? "Free" : rupees(line.amount);
    await row.getByText(shown, { exact: true }).first().waitFor();
  }
  await page.locator(".totals").getByText(rupees(bill.total_amount)).first().waitFor();
}

describe.skipIf(!enabled)("the bill, a coupon and a tip", () => {
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof api.partner>>;

  beforeAll(async () => {
    browser = await launch();
    partner = await api.partner();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the cart shows every bill line, a refused coupon says why, WELCOME50 and a tip are billed and charged", async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    const restaurant = partner.restaurant;
    // The dearest dish without options, enough of it for WELCOME50's minimum.
    const dish: ApiDish = restaurant.menu
      .filter((d) => d.availability && api.isPlain(d))
      .sort((a, b) => b.price - a.price)[0]!;
    const quantity = Math.max(1, Math.ceil(WELCOME_MINIMUM / dish.price));
    const customer = newCustomer("bill");

    await signUp(page, customer);
    await chooseCity(page, restaurant.city.city_name);
    await searchAndOpen(page, restaurant);
    await addDish(page, dish);
    for (let n = 2; n <= quantity; n++) await oneMore(page, dish, n);
    await openCart(page);
    const session = await api.login(customer.email, customer.password);

    const plain = (await api.cartOf(session.token)).bill!;
    expect(amountOf(plain, "item_total")).toBe(quantity * dish.price);
    await openBill(page);
    await expectBillShown(page, plain);
    const gst = page.getByRole("list", { name: "GST parts" }).first();
    await gst.getByText(/CGST/).waitFor();
    await gst.getByText(/SGST/).waitFor();
    await shot(page, "bill/01-cart-bill-details");

    // An expired coupon is refused with the API's reason; the bill is unchanged.
    await page.getByLabel("Coupon code").fill("MONSOON30");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText(/MONSOON30 has expired/i).waitFor();
    expect((await api.cartOf(session.token)).total_amount).toBe(plain.total_amount);

    // WELCOME50 on a first order: half the items, at most ₹100, off before GST.
    await page.getByLabel("Coupon code").fill("welcome50");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByTestId("coupon-status").getByText(/WELCOME50/).waitFor();
    const discounted = (await api.cartOf(session.token)).bill!;
    const discount = -amountOf(discounted, "discount");
    expect(discount).toBe(Math.min(Math.round((quantity * dish.price) / 2), 10_000));
    await expectBillShown(page, discounted);
    await shot(page, "bill/02-cart-with-coupon");

    await toCheckout(page);
    await addAddress(page, restaurant);
    await page.getByRole("radio", { name: "₹30" }).check();
    await page.locator(".totals").getByText(rupees(discounted.total_amount + 3_000)).first().waitFor();
    const tipped = (await api.cartOf(session.token)).bill!;
    expect(amountOf(tipped, "tip")).toBe(3_000);
    expect(tipped.total_amount).toBe(discounted.total_amount + 3_000); // no GST on a tip
    await openBill(page);
    await expectBillShown(page, tipped);
    await shot(page, "bill/03-checkout-with-tip");

    await fillCard(page, GOOD_CARD);
    await payButton(page).click();
    const orderId = await confirmation(page);
    await openBill(page);
    await expectBillShown(page, tipped); // the receipt is the bill shown
    await shot(page, "bill/04-order-receipt");

    const [order] = await api.ordersOf(session.token);
    expect(order!.order_id).toBe(orderId);
    expect(order!.bill).toEqual(tipped);
    expect(order!.coupon_code).toBe("WELCOME50");
    expect(order!.payment?.amount).toBe(tipped.total_amount); // charged what was shown
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
