import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { seriousFindings } from "../test/axe";
import { FakeEventSource } from "../test/eventSource";
import { fakeFetch, json, problem } from "../test/fetch";
import { deliveryOf, dish, order, partnerUser, rider } from "../test/fixtures";
import { renderApp } from "../test/render";

const EVENTS = "/api/v1/partner/events";
const today = { orders: 3, delivered: 1, cancelled: 1, takings: 54_000, currency: "INR", since: "2026-01-01T00:00:00+05:30" };

function incoming(extra: Parameters<typeof order>[0] = {}) {
  return order({
    order_status: "CONFIRMED",
    payment_mode: "CARD",
    payment: { payment_id: 1, payment_status: "SUCCEEDED", amount: 24_000, card: null } as never,
    accept_by: new Date(Date.now() + 95_000).toISOString(),
    ...extra,
  });
}

function accepted(extra: Parameters<typeof order>[0] = {}) {
  return incoming({
    order_status: "PREPARING",
    accept_by: null,
    accepted_at: new Date().toISOString(),
    prep_minutes: 20,
    delivery: deliveryOf(),
    eta: new Date(Date.now() + 35 * 60_000).toISOString(),
    ...extra,
  });
}

function baseRoutes(orders = [incoming()]) {
  return {
    "GET /api/v1/me": json(partnerUser),
    "GET /api/v1/partner/orders": json({ orders }),
    "GET /api/v1/partner/today": json(today),
  };
}

async function openConsole(orders = [incoming()]) {
  const app = renderApp("/partner");
  await screen.findByRole("heading", { name: "Restaurant console", level: 1 });
  const source = await waitFor(() => {
    const found = FakeEventSource.latest(EVENTS);
    if (!found) throw new Error("no stream yet");
    return found;
  });
  act(() => source.emit("orders", { orders }));
  return { app, source };
}

function card(orderId = 501) {
  return screen.getByRole("article", { name: `Order #${orderId}` });
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal("EventSource", FakeEventSource);
});
afterEach(() => vi.unstubAllGlobals());

describe("the partner console's orders", () => {
  test("a new order arrives over the stream with its items, total, payment and countdown", async () => {
    fakeFetch(baseRoutes([]));
    const { source } = await openConsole([]);
    expect(screen.getByText("No new orders. They appear here as they come in.")).toBeInTheDocument();
    act(() => source.emit("orders", { orders: [incoming()] }));
    const found = await screen.findByRole("article", { name: "Order #501" });
    expect(found).toHaveTextContent("2 × Masala Dosa");
    expect(within(found).getByTestId("partner-order-total")).toHaveTextContent("₹240.00");
    expect(found).toHaveTextContent("Card, paid");
    expect(within(found).getByTestId("accept-countdown")).toHaveTextContent(/Accept within 1:3\d/);
    expect(screen.getByTestId("partner-live")).toHaveAttribute("data-transport", "sse");
    expect(screen.getByTestId("partner-today")).toHaveTextContent(/Orders3Delivered1Cancelled1Takings₹540\.00/);
    expect(await seriousFindings()).toEqual([]);
  });

  test("the customer UI's cart and favourites are not asked for a partner; the header leads to the console", async () => {
    const fake = fakeFetch(baseRoutes());
    await openConsole();
    expect(screen.getByRole("link", { name: "Restaurant console" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /Cart/ })).toBeNull();
    expect(fake.calls("GET /api/v1/cart")).toHaveLength(0);
    expect(fake.calls("GET /api/v1/favourites")).toHaveLength(0);
  });

  test("accepting checks the preparation time, then sends it once; the answer moves the order on", async () => {
    const fake = fakeFetch({
      ...baseRoutes(),
      "POST /api/v1/partner/orders/501/accept": json(accepted()),
    });
    const { app } = await openConsole();
    const field = within(card()).getByLabelText("Preparation time (minutes)");
    await app.user.clear(field);
    await app.user.type(field, "150");
    await app.user.click(within(card()).getByRole("button", { name: "Accept" }));
    expect(within(card()).getByText("Enter whole minutes from 5 to 120.")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(fake.calls("POST /api/v1/partner/orders/501/accept")).toHaveLength(0);

    await app.user.clear(field);
    await app.user.type(field, "20");
    await app.user.click(within(card()).getByRole("button", { name: "Accept" }));
    const preparing = await screen.findByRole("region", { name: /Being prepared/ });
    const moved = within(preparing).getByRole("article", { name: "Order #501" });
    expect(moved).toHaveTextContent("20 min");
    expect(within(moved).getByTestId("partner-order-rider")).toHaveTextContent("Waiting for a rider");
    const [sent] = fake.calls("POST /api/v1/partner/orders/501/accept");
    expect(sent!.body).toEqual({ prep_minutes: 20 });
    expect(sent!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a refused accept shows the API's message by the button", async () => {
    fakeFetch({
      ...baseRoutes(),
      "POST /api/v1/partner/orders/501/accept": json(
        { type: "about:blank", title: "Conflict", status: 409, code: "invalid_transition", detail: "order 501 is CANCELLED, not CONFIRMED" },
        409,
      ),
    });
    const { app } = await openConsole();
    await app.user.click(within(card()).getByRole("button", { name: "Accept" }));
    const alert = await within(card()).findByRole("alert");
    expect(alert).toHaveTextContent("Order 501 is CANCELLED, not CONFIRMED.");
    expect(within(card()).getByRole("button", { name: "Accept" })).toHaveAccessibleDescription(
      "Order 501 is CANCELLED, not CONFIRMED.",
    );
  });

  test("rejecting asks for a reason and sends it", async () => {
    const fake = fakeFetch({
      ...baseRoutes(),
      "POST /api/v1/partner/orders/501/reject": json(
        incoming({ order_status: "CANCELLED", cancel_reason: "rejected_by_restaurant", cancel_note: "Out of rice" }),
      ),
    });
    const { app } = await openConsole();
    await app.user.click(within(card()).getByRole("button", { name: "Reject…" }));
    await app.user.click(within(card()).getByRole("button", { name: "Reject order" }));
    expect(within(card()).getByText("Say why, so the customer knows.")).toBeInTheDocument();
    expect(fake.calls("POST /api/v1/partner/orders/501/reject")).toHaveLength(0);
    await app.user.type(within(card()).getByLabelText("Reason for rejecting"), "Out of rice");
    await app.user.click(within(card()).getByRole("button", { name: "Reject order" }));
    await waitFor(() => expect(screen.queryByRole("article", { name: "Order #501" })).toBeNull());
    expect(fake.calls("POST /api/v1/partner/orders/501/reject")[0]!.body).toEqual({ reason: "Out of rice" });
  });

  test("an accepted order gets its rider over the stream; Food ready marks it", async () => {
    const withRider = accepted({ delivery: deliveryOf({ rider }) });
    const fake = fakeFetch({
      ...baseRoutes([accepted()]),
      "POST /api/v1/partner/orders/501/ready": json({ ...withRider, ready_at: new Date().toISOString() }),
    });
    const { app, source } = await openConsole([accepted()]);
    expect(within(card()).getByTestId("partner-order-rider")).toHaveTextContent("Waiting for a rider");
    act(() => source.emit("orders", { orders: [withRider] }));
    expect(within(card()).getByTestId("partner-order-rider")).toHaveTextContent("Ravi Kumar · phone 98XXXXXX10");
    expect(card()).toHaveTextContent(/Delivery by.*\(in 3[45] min\)/);
    await app.user.click(within(card()).getByRole("button", { name: "Food ready" }));
    expect(await within(card()).findByTestId("partner-order-ready")).toHaveTextContent(
      /Food ready since .*Ravi Kumar is on the way to pick it up/,
    );
    expect(fake.calls("POST /api/v1/partner/orders/501/ready")).toHaveLength(1);
    expect(within(card()).queryByRole("button", { name: "Food ready" })).toBeNull();
  });

  test("Food ready refused: the API's words by the button", async () => {
    fakeFetch({
      ...baseRoutes([accepted()]),
      "POST /api/v1/partner/orders/501/ready": problem(409, "invalid_transition", { detail: "order 501 is not PREPARING" }),
    });
    const { app } = await openConsole([accepted()]);
    await app.user.click(within(card()).getByRole("button", { name: "Food ready" }));
    expect(await within(card()).findByRole("alert")).toHaveTextContent("Order 501 is not PREPARING.");
  });

  test("today's numbers are read again when the orders change", async () => {
    const fake = fakeFetch(baseRoutes());
    const { source } = await openConsole();
    await screen.findByTestId("partner-today");
    const before = fake.calls("GET /api/v1/partner/today").length;
    act(() => source.emit("orders", { orders: [] }));
    await waitFor(() => expect(fake.calls("GET /api/v1/partner/today").length).toBeGreaterThan(before));
  });

  test("without EventSource the console polls the open orders", async () => {
    vi.stubGlobal("EventSource", undefined);
    const fake = fakeFetch(baseRoutes());
    renderApp("/partner");
    expect(await screen.findByRole("article", { name: "Order #501" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("partner-live")).toHaveAttribute("data-transport", "polling"));
    await waitFor(() => expect(fake.calls("GET /api/v1/partner/orders").length).toBeGreaterThan(1), { timeout: 4_000 });
  });

  test("a customer is told the console is not for them", async () => {
    fakeFetch({ ...baseRoutes(), "GET /api/v1/me": json({ ...partnerUser, role: "CUSTOMER", restaurant_id: null }) });
    renderApp("/partner");
    expect(await screen.findByText("This page is for restaurant partners.")).toBeInTheDocument();
    expect(FakeEventSource.instances).toHaveLength(0);
  });
});

describe("the partner console's menu", () => {
  const menu = [
    dish(11, "Masala Dosa", { food_category: "Dosa" }),
    dish(14, "Rava Dosa", { food_category: "Dosa", availability: false }),
    dish(13, "Filter Coffee", { food_category: "Drinks", price: 4_000 }),
  ];

  async function openMenu(routes: Record<string, Response>) {
    const fake = fakeFetch({ ...baseRoutes(), "GET /api/v1/partner/menu": json({ items: menu }), ...routes });
    const { app } = await openConsole();
    await app.user.click(screen.getByRole("tab", { name: "Menu" }));
    await screen.findByRole("region", { name: "Dosa" });
    return { app, fake };
  }

  test("every dish, sold-out ones too, with its availability and price", async () => {
    await openMenu({});
    expect(screen.getByRole("tab", { name: "Menu" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("switch", { name: "Masala Dosa: Available" })).toBeChecked();
    expect(screen.getByRole("switch", { name: "Rava Dosa: Available" })).not.toBeChecked();
    expect(within(screen.getByRole("region", { name: "Drinks" })).getByText("₹40.00")).toBeInTheDocument();
    expect(await seriousFindings()).toEqual([]);
  });

  test("the availability switch sends PATCH and shows the answer", async () => {
    const { app, fake } = await openMenu({
      "PATCH /api/v1/partner/menu/11": json({ ...menu[0]!, availability: false }),
    });
    await app.user.click(screen.getByRole("switch", { name: "Masala Dosa: Available" }));
    await waitFor(() => expect(screen.getByRole("switch", { name: "Masala Dosa: Available" })).not.toBeChecked());
    expect(fake.calls("PATCH /api/v1/partner/menu/11")[0]!.body).toEqual({ availability: false });
  });

  test("a new price in rupees is sent in paise; a bad one is refused by the field", async () => {
    const { app, fake } = await openMenu({
      "PATCH /api/v1/partner/menu/13": json({ ...menu[2]!, price: 4_550 }),
    });
    await app.user.click(screen.getByRole("button", { name: "Edit price of Filter Coffee" }));
    const field = screen.getByLabelText("New price of Filter Coffee (₹)");
    expect(field).toHaveValue("40.00");
    await app.user.clear(field);
    await app.user.type(field, "0");
    await app.user.click(screen.getByRole("button", { name: "Save price" }));
    expect(screen.getByText("A price must be more than ₹0.")).toBeInTheDocument();
    await app.user.clear(field);
    await app.user.type(field, "45.50");
    await app.user.click(screen.getByRole("button", { name: "Save price" }));
    await waitFor(() => expect(within(screen.getByRole("region", { name: "Drinks" })).getByText("₹45.50")).toBeInTheDocument());
    expect(fake.calls("PATCH /api/v1/partner/menu/13")).toEqual([expect.objectContaining({ body: { price: 4_550 } })]);
  });

  test("a refused change shows the API's message by the dish", async () => {
    const { app } = await openMenu({
      "PATCH /api/v1/partner/menu/11": problem(404, "not_found", { detail: "no dish 11 at your restaurant" }),
    });
    await app.user.click(screen.getByRole("switch", { name: "Masala Dosa: Available" }));
    const row = screen.getByRole("switch", { name: "Masala Dosa: Available" }).closest("li")!;
    expect(await within(row as HTMLElement).findByRole("alert")).toHaveTextContent("No dish 11 at your restaurant.");
  });
});
