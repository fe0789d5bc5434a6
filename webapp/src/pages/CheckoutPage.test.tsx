import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ATTEMPT_STORAGE_KEY } from "../checkout/attempt";
import { seriousFindings } from "../test/axe";
import { fakeFetch, json, problem } from "../test/fetch";
import { billOf, cartOf, order, user } from "../test/fixtures";
import { renderApp } from "../test/render";

const address = order().delivery_address;
const cart = cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 2 }]);
const placed = order();
const confirmed = order({
  order_status: "CONFIRMED",
  payment: {
    payment_id: 9,
    order_id: 501,
    payment_mode: "CARD",
    amount: 24_000,
    currency: "INR",
    payment_status: "SUCCEEDED",
    failure_code: null,
    card: { brand: "visa", last4: "4242" },
    created_at: placed.created_at,
    updated_at: placed.updated_at,
  },
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function checkoutRoutes(extra: Record<string, Parameters<typeof fakeFetch>[0][string]> = {}) {
  return fakeFetch({
    "GET /api/v1/me": json(user),
    "GET /api/v1/cart": [json(cart), json(cart), json(cartOf([]))],
    "GET /api/v1/addresses": json({ addresses: [address] }),
    "GET /api/v1/cart/delivery/3": json({ address_id: 3, serviceable: true, detail: null }),
    "POST /api/v1/orders": json(placed, 201),
    "POST /api/v1/orders/501/payment": json({ order: confirmed, payment: confirmed.payment }),
    "GET /api/v1/orders/501": json(confirmed),
    ...extra,
  });
}

async function fillGoodCard(user: ReturnType<typeof renderApp>["user"], number = "4242424242424242") {
  for (const [label, text] of [
    ["Card number", number],
    ["Expiry (MM/YY)", "12/31"],
    ["CVC", "123"],
  ] as const) {
    await user.clear(screen.getByLabelText(label));
    await user.type(screen.getByLabelText(label), text);
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("checkout", () => {
  test("a double click places one order and pays once, then shows the confirmation", async () => {
    const fake = checkoutRoutes();
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await fillGoodCard(app.user);
    expect(screen.getByText("Visa card")).toBeInTheDocument();
    const pay = screen.getByRole("button", { name: "Pay ₹240.00" });
    await app.user.dblClick(pay);
    await screen.findByRole("heading", { name: "Order placed!" });
    expect(fake.calls("POST /api/v1/orders")).toHaveLength(1);
    expect(fake.calls("POST /api/v1/orders/501/payment")).toHaveLength(1);
    expect(app.location()).toBe("/orders/501");
    expect(screen.getByText(/Visa •••• 4242/)).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });

  test("the button is disabled while the order is being placed", async () => {
    const gate = deferred<Response>();
    checkoutRoutes({ "POST /api/v1/orders": () => gate.promise });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    await app.user.click(screen.getByRole("button", { name: /Place order/ }));
    const busy = await screen.findByRole("button", { name: "Placing your order…" });
    expect(busy).toBeDisabled();
    gate.resolve(json(order({ order_status: "CONFIRMED", payment_mode: "COD" }), 201));
    await screen.findByRole("heading", { name: "Order placed!" });
  });

  test("a network failure is retried with the same Idempotency-Key", async () => {
    const fake = checkoutRoutes({
      "POST /api/v1/orders": [
        () => Promise.reject(new TypeError("Failed to fetch")),
        new Response("", { status: 502 }),
        json(placed, 201),
      ],
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await fillGoodCard(app.user);
    await app.user.click(screen.getByRole("button", { name: /^Pay/ }));
    await screen.findByRole("heading", { name: "Order placed!" }, { timeout: 5_000 });
    const keys = fake.calls("POST /api/v1/orders").map((c) => c.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  test("a declined card: the customer tries another card for the same order", async () => {
    const fake = checkoutRoutes({
      "GET /api/v1/orders/501": [json(order({ order_status: "PAYMENT_FAILED" })), json(confirmed)],
      "POST /api/v1/orders/501/payment": [
        problem(402, "payment_declined", { failure_code: "card_declined" }),
        json({ order: confirmed, payment: confirmed.payment }),
      ],
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await fillGoodCard(app.user, "4000000000000002");
    await app.user.click(screen.getByRole("button", { name: /^Pay/ }));
    const alert = await screen.findByText("Your card was declined. Please try another card.");
    expect(alert.closest("[role=alert]")).not.toBeNull();
    expect(await screen.findByText(/Order #501 is placed and waiting for payment/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText("Card number")).toHaveFocus());

    await fillGoodCard(app.user);
    fake.fetchMock.mockClear();
    await app.user.click(screen.getByRole("button", { name: /^Pay/ }));
    await screen.findByRole("heading", { name: "Order placed!" });
    const payments = fake.calls("POST /api/v1/orders/501/payment");
    expect(payments).toHaveLength(2);
    expect(payments[0]!.headers["idempotency-key"]).not.toBe(payments[1]!.headers["idempotency-key"]);
    expect(fake.calls("POST /api/v1/orders")).toHaveLength(1);
  });

  test("a dish that became unavailable is explained, with the way back to the cart", async () => {
    checkoutRoutes({ "POST /api/v1/orders": problem(409, "item_unavailable") });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    await app.user.click(screen.getByRole("button", { name: /Place order/ }));
    const alert = (await screen.findByText(/just became unavailable/)).closest("[role=alert]") as HTMLElement;
    expect(within(alert).getByRole("link", { name: "Review your cart" })).toHaveAttribute("href", "/cart");
  });

  test("after a reload, an unanswered attempt is retried with its kept key", async () => {
    sessionStorage.setItem(
      ATTEMPT_STORAGE_KEY,
      JSON.stringify({ userId: 7, orderKey: "kept-key-123", addressId: 3, paymentMode: "COD", orderId: null, paymentKey: null }),
    );
    // The first request did create the order, so the cart is already empty.
    const fake = checkoutRoutes({
      "GET /api/v1/cart": json(cartOf([])),
      "POST /api/v1/orders": json(order({ order_status: "CONFIRMED", payment_mode: "COD" }), 201, {
        "Idempotent-Replayed": "true",
      }),
      "GET /api/v1/orders/501": json(order({ order_status: "CONFIRMED", payment_mode: "COD" })),
    });
    const app = renderApp("/checkout");
    expect(await screen.findByText(/didn't hear back about your last try/)).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /Cash on delivery/ })).toBeChecked();
    expect(screen.getByRole("radio", { name: /Card/ })).toBeDisabled();
    await app.user.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("heading", { name: "Order placed!" });
    const sent = fake.calls("POST /api/v1/orders");
    expect(sent.map((c) => [c.headers["idempotency-key"], c.body])).toEqual([
      ["kept-key-123", { address_id: 3, payment_mode: "COD" }],
    ]);
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  test("card details are checked before anything is sent", async () => {
    const fake = checkoutRoutes();
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.type(screen.getByLabelText("Card number"), "4242424242424241");
    expect(screen.getByText("This card number doesn't look right. Please check it.")).toBeInTheDocument();
    await app.user.click(screen.getByRole("button", { name: /^Pay/ }));
    expect(screen.getByLabelText("Card number")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Enter the expiry date as MM/YY.")).toBeInTheDocument();
    expect(fake.calls("POST /api/v1/orders")).toHaveLength(0);
  });
});

describe("checkout: issue 13 (price lock, one order per cart, service area, open hours)", () => {
  const dosa = { food_id: 11, food_name: "Masala Dosa", old_price: 12_000, new_price: 12_500, available: true };
  const repriced = cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 2, price: 12_500 }]);

  test("the total shown is sent as expected_total", async () => {
    const fake = checkoutRoutes();
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    await app.user.click(screen.getByRole("button", { name: "Place order · ₹240.00" }));
    await screen.findByRole("heading", { name: /Order/ });
    expect(fake.calls("POST /api/v1/orders").map((c) => c.body)).toEqual([
      { address_id: 3, payment_mode: "COD", expected_total: 24_000 },
    ]);
  });

  test("a changed price is shown line by line and needs a second press at the new total", async () => {
    const fake = checkoutRoutes({
      "GET /api/v1/cart": [json(cart), json(repriced)],
      "POST /api/v1/orders": [
        problem(409, "cart_changed", { changes: [dosa], total_amount: 25_000 }),
        json(order({ total_amount: 25_000 }), 201),
      ],
      "POST /api/v1/orders/501/payment": json({ order: { ...confirmed, total_amount: 25_000 }, payment: confirmed.payment }),
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await fillGoodCard(app.user);
    await app.user.click(screen.getByRole("button", { name: "Pay ₹240.00" }));

    const notice = (await screen.findByText(/Your cart changed since you saw it/)).closest("[role=alert]") as HTMLElement;
    expect(within(notice).getByRole("listitem")).toHaveTextContent("Masala Dosa was ₹120.00 →, now ₹125.00");
    expect(notice).toHaveTextContent("New total: ₹250.00");
    expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹250.00");
    expect(fake.calls("POST /api/v1/orders/501/payment")).toHaveLength(0); // nothing ordered, nothing paid

    await app.user.click(screen.getByRole("button", { name: "Place order at ₹250.00" }));
    await screen.findByRole("heading", { name: "Order placed!" });
    const posts = fake.calls("POST /api/v1/orders");
    expect(posts.map((c) => (c.body as { expected_total: number }).expected_total)).toEqual([24_000, 25_000]);
    expect(posts[0]!.headers["idempotency-key"]).not.toBe(posts[1]!.headers["idempotency-key"]);
    expect(fake.calls("POST /api/v1/orders/501/payment")).toHaveLength(1);
  });

  test("a dish gone from the cart: said so, and no order until it is removed", async () => {
    const gone = { food_id: 11, food_name: "Masala Dosa", old_price: 12_000, new_price: null, available: false };
    const fake = checkoutRoutes({
      "GET /api/v1/cart": [json(cart), json(cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 2, availability: false }]))],
      "POST /api/v1/orders": problem(409, "cart_changed", { changes: [gone], total_amount: 0 }),
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    await app.user.click(screen.getByRole("button", { name: /Place order/ }));
    const notice = (await screen.findByText(/Your cart changed/)).closest("[role=alert]") as HTMLElement;
    expect(within(notice).getByRole("listitem")).toHaveTextContent("Masala Dosa no longer available");
    expect(within(notice).getByRole("link", { name: "Review your cart" })).toHaveAttribute("href", "/cart");
    expect(screen.getByRole("button", { name: /Place order at/ })).toBeDisabled();
    expect(fake.calls("POST /api/v1/orders")).toHaveLength(1);
  });

  test("a cart ordered already in another tab: its order's page, the cart refreshed, nothing paid", async () => {
    const theirs = order({ order_id: 777, order_status: "PENDING_PAYMENT" });
    const fake = checkoutRoutes({
      "GET /api/v1/cart": [json(cart), json(cartOf([]))], // the other tab's order consumed it
      "POST /api/v1/orders": json(theirs, 201, { "Idempotent-Replayed": "true" }),
      "GET /api/v1/orders/777": json(theirs),
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    const cartReads = fake.calls("GET /api/v1/cart").length;
    await fillGoodCard(app.user);
    await app.user.click(screen.getByRole("button", { name: /^Pay/ }));
    await screen.findByRole("heading", { name: "Order #777" });
    expect(app.location()).toBe("/orders/777");
    expect(screen.getByText(/Your cart was already ordered/)).toBeInTheDocument();
    expect(fake.calls("POST /api/v1/orders/777/payment")).toHaveLength(0);
    await waitFor(() => expect(fake.calls("GET /api/v1/cart").length).toBeGreaterThan(cartReads));
    await waitFor(() => expect(screen.getByRole("link", { name: /^Cart/ })).toHaveTextContent(/^Cart$/)); // no badge
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  test("that order, unpaid, is paid from its page in any tab: 'Complete the payment' pays it, places nothing", async () => {
    const theirs = order({ order_id: 777, order_status: "PENDING_PAYMENT" });
    const paid = { ...confirmed, order_id: 777 };
    let charged = false;
    const fake = checkoutRoutes({
      "GET /api/v1/cart": json(cartOf([])), // emptied when the other tab placed it
      "GET /api/v1/orders/777": () => json(charged ? paid : theirs),
      "POST /api/v1/orders/777/payment": () => {
        charged = true;
        return json({ order: paid, payment: paid.payment });
      },
    });
    const app = renderApp("/orders/777"); // no checkout attempt in this tab
    await screen.findByRole("heading", { name: "Order #777" });
    await app.user.click(screen.getByRole("link", { name: "Complete the payment" }));
    expect(await screen.findByText(/Order #777 is placed and waiting for payment/)).toBeInTheDocument();
    await waitFor(() => expect(app.location()).toBe("/checkout")); // the attempt holds the order now
    await fillGoodCard(app.user);
    await app.user.click(screen.getByRole("button", { name: "Pay ₹240.00" }));
    await screen.findByRole("heading", { name: "Order placed!" });
    expect(app.location()).toBe("/orders/777");
    expect(fake.calls("POST /api/v1/orders")).toHaveLength(0);
    expect(fake.calls("POST /api/v1/orders/777/payment")).toHaveLength(1);
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  test("checkout for an order that is paid or cancelled meanwhile shows that order", async () => {
    checkoutRoutes({
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/orders/777": json({ ...confirmed, order_id: 777 }),
    });
    const app = renderApp("/checkout?order=777");
    await screen.findByRole("heading", { name: "Order #777" });
    expect(app.location()).toBe("/orders/777");
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  test("an address the restaurant does not deliver to is flagged before paying; another one can be chosen", async () => {
    const work = { ...address, address_id: 4, label: "Work", pincode: "400001", city_name: "Mumbai" };
    const fake = checkoutRoutes({
      "GET /api/v1/addresses": json({ addresses: [work, address] }),
      "GET /api/v1/cart/delivery/4": json({
        address_id: 4,
        serviceable: false,
        detail: "Dosa Corner does not deliver to PIN code 400001; it delivers in Bengaluru",
      }),
    });
    const app = renderApp("/checkout");
    const region = await screen.findByRole("region", { name: "Deliver to" });
    expect(await within(region).findByRole("alert")).toHaveTextContent(
      "We can't deliver this order to that address. Dosa Corner does not deliver to PIN code 400001; it delivers in Bengaluru",
    );
    await fillGoodCard(app.user);
    expect(screen.getByRole("button", { name: /^Pay/ })).toBeDisabled();

    await app.user.click(screen.getByRole("radio", { name: /Home/ }));
    await waitFor(() => expect(screen.getByRole("button", { name: /^Pay/ })).toBeEnabled());
    expect(within(region).queryByRole("alert")).toBeNull();
    expect(fake.calls("GET /api/v1/cart/delivery/3")).toHaveLength(1);
    expect(fake.calls("POST /api/v1/orders")).toHaveLength(0);
  });

  test("placing refused for the address (422 address_not_serviceable) is shown on the address", async () => {
    const detail = "Dosa Corner does not deliver to PIN code 560099; it delivers in Bengaluru";
    checkoutRoutes({
      "POST /api/v1/orders": problem(422, "address_not_serviceable", {
        errors: [{ field: "address_id", message: detail }],
      }),
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    await app.user.click(screen.getByRole("button", { name: /Place order/ }));
    const region = screen.getByRole("region", { name: "Deliver to" });
    expect(await within(region).findByRole("alert")).toHaveTextContent(detail);
    expect(screen.getByRole("button", { name: /Place order/ })).toBeDisabled();
  });

  test("a restaurant closed at placement says when it opens", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T12:00:00+05:30"), toFake: ["Date"] });
    checkoutRoutes({
      "POST /api/v1/orders": problem(409, "restaurant_closed", { opens_at: "2026-12-02T16:00:00+05:30" }),
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    await app.user.click(screen.getByRole("button", { name: /Place order/ }));
    expect(await screen.findByText("Closed · opens 16:00. You can order once it opens.")).toBeInTheDocument();
    vi.useRealTimers();
  });
});

describe("checkout: the bill and the rider's tip (issue 14)", () => {
  const lines = [{ food_id: 11, food_name: "Masala Dosa", quantity: 2 }];
  const fees = { item_total: 24_000, delivery_fee: 3_000, platform_fee: 1_000, gst: 1_920 };
  const billed = cartOf(lines, undefined, { bill: billOf(fees) });
  const tipped = (tip: number) => cartOf(lines, undefined, { bill: billOf({ ...fees, tip }), tip });

  test("the bill is shown with the total to pay; a preset tip is PUT and the bill and button follow the answer", async () => {
    const fake = checkoutRoutes({
      "GET /api/v1/cart": [json(billed), json(billed), json(cartOf([]))],
      "PUT /api/v1/cart/tip": [json(tipped(3_000)), json(billed)],
      "POST /api/v1/orders": json(order({ order_status: "CONFIRMED", payment_mode: "COD" }), 201),
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹299.20");
    const tips = screen.getByRole("group", { name: "Tip amount" });
    expect(within(tips).getByRole("radio", { name: "No tip" })).toBeChecked();
    expect(within(tips).getAllByRole("radio").map((r) => r.closest("label")!.textContent)).toEqual([
      "No tip",
      "₹20",
      "₹30",
      "₹50",
      "Other",
    ]);

    await app.user.click(within(tips).getByRole("radio", { name: "₹30" }));
    await waitFor(() => expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹329.20"));
    expect(fake.calls("PUT /api/v1/cart/tip").map((c) => c.body)).toEqual([{ amount: 3_000 }]);
    expect(within(tips).getByRole("radio", { name: "₹30" })).toBeChecked();
    await app.user.click(screen.getByRole("button", { name: "Bill details" }));
    expect(screen.getByRole("list", { name: "Bill details" })).toHaveTextContent("Rider tip₹30.00");
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    expect(screen.getByRole("button", { name: "Place order · ₹329.20" })).toBeEnabled();
    expect(await seriousFindings()).toEqual([]);

    await app.user.click(within(tips).getByRole("radio", { name: "No tip" }));
    await waitFor(() => expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹299.20"));
    expect(fake.calls("PUT /api/v1/cart/tip").map((c) => c.body)).toEqual([{ amount: 3_000 }, { amount: 0 }]);
    expect(screen.getByRole("list", { name: "Bill details" })).not.toHaveTextContent("Rider tip");
    await app.user.click(screen.getByRole("button", { name: "Place order · ₹299.20" }));
    await screen.findByRole("heading", { name: /Order/ });
    expect(fake.calls("POST /api/v1/orders").map((c) => (c.body as { expected_total: number }).expected_total)).toEqual([
      29_920,
    ]);
  });

  test("an amount of the customer's own: 422 tip_out_of_range is said under the field, then a good one is set", async () => {
    const fake = checkoutRoutes({
      "GET /api/v1/cart": [json(billed), json(billed), json(cartOf([]))],
      "PUT /api/v1/cart/tip": [problem(422, "tip_out_of_range"), json(tipped(4_550))],
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: "Other" }));
    const field = screen.getByLabelText("Tip in rupees");
    await app.user.click(screen.getByRole("button", { name: "Set tip" }));
    expect(screen.getByText("Enter the tip in rupees, like 40.")).toBeInTheDocument();
    expect(fake.calls("PUT /api/v1/cart/tip")).toHaveLength(0);

    await app.user.type(field, "600");
    await app.user.click(screen.getByRole("button", { name: "Set tip" }));
    expect(await screen.findByText("A tip can be anything up to ₹500.")).toHaveClass("field-error");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(await seriousFindings()).toEqual([]);

    await app.user.clear(field);
    await app.user.type(field, "45.5");
    await app.user.click(screen.getByRole("button", { name: "Set tip" }));
    await waitFor(() => expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹344.70"));
    expect(fake.calls("PUT /api/v1/cart/tip").map((c) => c.body)).toEqual([{ amount: 60_000 }, { amount: 4_550 }]);
    expect(screen.getByRole("radio", { name: "Other" })).toBeChecked();
  });

  test("a tip after a 409 cart_changed: the answer's total is the one placed, not the 409's", async () => {
    const dosa = { food_id: 11, food_name: "Masala Dosa", old_price: 12_000, new_price: 12_500, available: true };
    const repriced = cartOf([{ ...lines[0]!, price: 12_500 }], undefined, { bill: billOf({ ...fees, item_total: 25_000 }) });
    const repricedTipped = cartOf([{ ...lines[0]!, price: 12_500 }], undefined, {
      bill: billOf({ ...fees, item_total: 25_000, tip: 2_000 }),
      tip: 2_000,
    });
    const fake = checkoutRoutes({
      "GET /api/v1/cart": [json(billed), json(billed), json(repriced)],
      "PUT /api/v1/cart/tip": json(repricedTipped),
      "POST /api/v1/orders": [
        problem(409, "cart_changed", { changes: [dosa], total_amount: 30_920 }),
        json(order({ order_status: "CONFIRMED", payment_mode: "COD", total_amount: 32_920 }), 201),
      ],
    });
    const app = renderApp("/checkout");
    await screen.findByRole("radio", { name: /Home/ });
    await app.user.click(screen.getByRole("radio", { name: /Cash on delivery/ }));
    await app.user.click(screen.getByRole("button", { name: "Place order · ₹299.20" }));
    await screen.findByRole("button", { name: "Place order at ₹309.20" });
    await waitFor(() => expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹309.20"));

    await app.user.click(screen.getByRole("radio", { name: "₹20" }));
    await app.user.click(await screen.findByRole("button", { name: "Place order · ₹329.20" }));
    await screen.findByRole("heading", { name: /Order/ });
    expect(fake.calls("POST /api/v1/orders").map((c) => (c.body as { expected_total: number }).expected_total)).toEqual([
      29_920, 32_920,
    ]);
  });

  test("no tip to change while an unanswered attempt is under way (its total is fixed)", async () => {
    sessionStorage.setItem(
      ATTEMPT_STORAGE_KEY,
      JSON.stringify({ userId: 7, orderKey: "kept-key-123", addressId: 3, paymentMode: "COD", orderId: null, paymentKey: null }),
    );
    checkoutRoutes({ "GET /api/v1/cart": json(billed) });
    renderApp("/checkout");
    expect(await screen.findByText(/didn't hear back about your last try/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("To pay").nextSibling).toHaveTextContent("₹299.20"));
    expect(screen.getByRole("button", { name: "Bill details" })).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Tip amount" })).toBeNull();
  });
});
