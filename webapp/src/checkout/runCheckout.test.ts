import { beforeEach, describe, expect, test, vi } from "vitest";
import { ApiError, NetworkError } from "../api/errors";
import type { PayDetails } from "../api/endpoints";
import type { Order, PaymentResult } from "../api/types";
import { order } from "../test/fixtures";
import { ATTEMPT_STORAGE_KEY, loadAttempt } from "./attempt";
import { type CheckoutApi, runCheckout } from "./runCheckout";

const card: PayDetails = {
  payment_mode: "CARD",
  card: { number: "4242424242424242", exp_month: 12, exp_year: 2031, cvc: "123" },
};
const request = { userId: 7, addressId: 3, payment: card, expectedTotal: 24_000 };
const noWait = { attempts: 4, baseMs: 1, maxMs: 1, sleep: async () => {} };
const unreachable = () => new NetworkError(new TypeError("Failed to fetch"));
const gateway = (status: number) => new ApiError({ status, code: "service_unavailable", detail: "" });
const declined = () =>
  new ApiError({ status: 402, code: "payment_declined", detail: "", failureCode: "card_declined" });

function paid(o: Order): PaymentResult {
  return {
    order: { ...o, order_status: "CONFIRMED" },
    payment: {
      payment_id: 9,
      order_id: o.order_id,
      payment_mode: "CARD",
      amount: o.total_amount,
      currency: "INR",
      payment_status: "SUCCEEDED",
      failure_code: null,
      card: { brand: "visa", last4: "4242" },
      created_at: o.created_at,
      updated_at: o.updated_at,
    },
  };
}

const placed = (o: Order, replayed = false) => ({ order: o, replayed });

function fakeApi() {
  return {
    placeOrder: vi.fn<CheckoutApi["placeOrder"]>(async () => placed(order())),
    payOrder: vi.fn<CheckoutApi["payOrder"]>(async () => paid(order())),
    order: vi.fn<CheckoutApi["order"]>(async () => order({ order_status: "CONFIRMED" })),
  };
}

const orderKeys = (api: ReturnType<typeof fakeApi>) => api.placeOrder.mock.calls.map((c) => c[2]);
const paymentKeys = (api: ReturnType<typeof fakeApi>) => api.payOrder.mock.calls.map((c) => c[2]);

beforeEach(() => sessionStorage.clear());

describe("runCheckout", () => {
  test("places and pays; the attempt is forgotten after the definite answer", async () => {
    const api = fakeApi();
    const outcome = await runCheckout(api, request, noWait);
    expect(outcome).toMatchObject({ kind: "confirmed", order: { order_status: "CONFIRMED" } });
    expect(api.placeOrder).toHaveBeenCalledWith(3, "CARD", expect.stringMatching(/^[0-9a-f-]{36}$/), 24_000);
    expect(api.payOrder).toHaveBeenCalledWith(501, card, expect.any(String));
    expect(orderKeys(api)[0]).not.toBe(paymentKeys(api)[0]);
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  test("no answer (fetch throws, 502, 503, 504): the same key again, a bounded number of times", async () => {
    const api = fakeApi();
    api.placeOrder
      .mockRejectedValueOnce(unreachable())
      .mockRejectedValueOnce(gateway(502))
      .mockRejectedValueOnce(gateway(504));
    api.payOrder.mockRejectedValueOnce(gateway(503));
    const outcome = await runCheckout(api, request, noWait);
    expect(outcome.kind).toBe("confirmed");
    expect(api.placeOrder).toHaveBeenCalledTimes(4);
    expect(new Set(orderKeys(api)).size).toBe(1);
    expect(api.payOrder).toHaveBeenCalledTimes(2);
    expect(new Set(paymentKeys(api)).size).toBe(1);
  });

  test("still no answer: the key is kept in sessionStorage and reused by the next try", async () => {
    const api = fakeApi();
    api.placeOrder.mockRejectedValue(unreachable());
    const first = await runCheckout(api, request, noWait);
    expect(first).toMatchObject({ kind: "unreachable", stage: "order" });
    expect(api.placeOrder).toHaveBeenCalledTimes(4); // bounded
    const kept = loadAttempt(7);
    expect(kept).toMatchObject({ orderKey: orderKeys(api)[0], orderId: null, addressId: 3 });

    // A reload later, the server answers (with the order the first request may have made).
    api.placeOrder.mockReset().mockResolvedValue(placed(order()));
    const second = await runCheckout(api, { ...request, addressId: 99 }, noWait);
    expect(second.kind).toBe("confirmed");
    expect(api.placeOrder).toHaveBeenCalledWith(3, "CARD", kept!.orderKey, 24_000); // the same attempt
  });

  test("another user's attempt in this tab is not reused", async () => {
    const api = fakeApi();
    api.placeOrder.mockRejectedValue(unreachable());
    await runCheckout(api, request, noWait);
    const theirs = orderKeys(api)[0];
    api.placeOrder.mockReset().mockResolvedValue(placed(order()));
    await runCheckout(api, { ...request, userId: 8 }, noWait);
    expect(orderKeys(api)[0]).not.toBe(theirs);
  });

  test("a declined card keeps the order; the next card gets a new payment key", async () => {
    const api = fakeApi();
    api.payOrder.mockRejectedValueOnce(declined());
    const first = await runCheckout(api, request, noWait);
    expect(first).toMatchObject({ kind: "declined", orderId: 501 });
    expect(api.payOrder).toHaveBeenCalledTimes(1); // a decline is an answer: no retry
    expect(loadAttempt(7)).toMatchObject({ orderId: 501, paymentKey: null });

    const second = await runCheckout(api, request, noWait);
    expect(second.kind).toBe("confirmed");
    expect(api.placeOrder).toHaveBeenCalledTimes(1); // the same order
    const [k1, k2] = paymentKeys(api);
    expect(k1).not.toBe(k2);
    expect(loadAttempt(7)).toBeNull();
  });

  test("cash on delivery is confirmed at placement, nothing to pay", async () => {
    const api = fakeApi();
    api.placeOrder.mockResolvedValue(placed(order({ order_status: "CONFIRMED", payment_mode: "COD" })));
    const outcome = await runCheckout(api, { ...request, payment: { payment_mode: "COD" } }, noWait);
    expect(outcome.kind).toBe("confirmed");
    expect(api.placeOrder).toHaveBeenCalledWith(3, "COD", expect.any(String), 24_000);
    expect(api.payOrder).not.toHaveBeenCalled();
  });

  test("a refusal to place (cart empty, dish unavailable) ends the attempt", async () => {
    const api = fakeApi();
    api.placeOrder.mockRejectedValue(new ApiError({ status: 409, code: "item_unavailable", detail: "" }));
    const outcome = await runCheckout(api, request, noWait);
    expect(outcome).toMatchObject({ kind: "refused", stage: "order", error: { code: "item_unavailable" } });
    expect(api.placeOrder).toHaveBeenCalledTimes(1);
    expect(loadAttempt(7)).toBeNull();
  });

  test("bad card details: a new key next time, the order kept", async () => {
    const api = fakeApi();
    api.payOrder.mockRejectedValueOnce(
      new ApiError({ status: 422, code: "invalid_payment_details", detail: "", fieldErrors: [{ field: "card.number", message: "x" }] }),
    );
    const outcome = await runCheckout(api, request, noWait);
    expect(outcome).toMatchObject({ kind: "refused", stage: "payment" });
    expect(loadAttempt(7)).toMatchObject({ orderId: 501, paymentKey: null });
  });

  test("other card details under a kept key (after a reload): one fresh key", async () => {
    const api = fakeApi();
    api.payOrder
      .mockRejectedValueOnce(unreachable())
      .mockRejectedValueOnce(unreachable())
      .mockRejectedValueOnce(unreachable())
      .mockRejectedValueOnce(unreachable());
    expect((await runCheckout(api, request, noWait)).kind).toBe("unreachable");
    api.payOrder.mockReset();
    api.payOrder
      .mockRejectedValueOnce(new ApiError({ status: 422, code: "idempotency_key_reused", detail: "" }))
      .mockResolvedValueOnce(paid(order()));
    expect((await runCheckout(api, request, noWait)).kind).toBe("confirmed");
    const [kept, fresh] = paymentKeys(api);
    expect(kept).not.toBe(fresh);
  });

  test("already paid (an earlier try went through): the order is confirmed, not paid again", async () => {
    const api = fakeApi();
    api.payOrder.mockRejectedValue(new ApiError({ status: 409, code: "order_already_paid", detail: "" }));
    const outcome = await runCheckout(api, request, noWait);
    expect(outcome).toMatchObject({ kind: "confirmed", order: { order_status: "CONFIRMED" } });
    expect(api.payOrder).toHaveBeenCalledTimes(1);
    expect(loadAttempt(7)).toBeNull();
  });

  test("the total shown is sent as expected_total, the same on every retry of the attempt", async () => {
    const api = fakeApi();
    api.placeOrder.mockRejectedValueOnce(unreachable());
    await runCheckout(api, request, noWait);
    expect(api.placeOrder.mock.calls.map((c) => c[3])).toEqual([24_000, 24_000]);

    // Kept across a reload: the retry sends what was first sent, not what shows now.
    sessionStorage.clear();
    api.placeOrder.mockReset().mockRejectedValue(unreachable());
    await runCheckout(api, request, noWait);
    expect(loadAttempt(7)).toMatchObject({ expectedTotal: 24_000 });
    api.placeOrder.mockReset().mockResolvedValue(placed(order()));
    await runCheckout(api, { ...request, expectedTotal: 99_900 }, noWait);
    expect(api.placeOrder.mock.calls[0]![3]).toBe(24_000);
  });

  test("a changed price is a refusal; agreeing to the new total is a new attempt", async () => {
    const api = fakeApi();
    const changed = new ApiError({
      status: 409,
      code: "cart_changed",
      detail: "",
      extra: { changes: [], total_amount: 25_000 },
    });
    api.placeOrder.mockRejectedValueOnce(changed);
    const first = await runCheckout(api, request, noWait);
    expect(first).toMatchObject({ kind: "refused", stage: "order", error: { code: "cart_changed" } });
    expect(api.payOrder).not.toHaveBeenCalled();
    expect(loadAttempt(7)).toBeNull();

    const second = await runCheckout(api, { ...request, expectedTotal: 25_000 }, noWait);
    expect(second.kind).toBe("confirmed");
    const [refused, agreed] = api.placeOrder.mock.calls;
    expect([refused![3], agreed![3]]).toEqual([24_000, 25_000]);
    expect(refused![2]).not.toBe(agreed![2]);
  });

  test("a fresh key answered with a replay: the cart was ordered elsewhere, that order is shown, not paid", async () => {
    const api = fakeApi();
    const theirs = order({ order_id: 777 });
    api.placeOrder.mockResolvedValue(placed(theirs, true));
    const outcome = await runCheckout(api, request, noWait);
    expect(outcome).toEqual({ kind: "existing", order: theirs });
    expect(api.payOrder).not.toHaveBeenCalled();
    expect(loadAttempt(7)).toBeNull();
  });

  test("a replay after a retry may be this attempt's own order: it is paid", async () => {
    const api = fakeApi();
    api.placeOrder.mockRejectedValueOnce(unreachable()).mockResolvedValue(placed(order(), true));
    const outcome = await runCheckout(api, request, noWait);
    expect(outcome.kind).toBe("confirmed");
    expect(api.payOrder).toHaveBeenCalledTimes(1);
  });

  test("a replay of a kept attempt (after a reload) is paid too", async () => {
    const api = fakeApi();
    api.placeOrder.mockRejectedValue(unreachable());
    await runCheckout(api, request, noWait);
    api.placeOrder.mockReset().mockResolvedValue(placed(order(), true));
    expect((await runCheckout(api, request, noWait)).kind).toBe("confirmed");
    expect(api.payOrder).toHaveBeenCalledTimes(1);
  });

  test("a cancelled order (expired unpaid) is shown, not paid", async () => {
    const api = fakeApi();
    api.placeOrder.mockRejectedValueOnce(unreachable());
    const expired = order({ order_status: "CANCELLED", cancel_reason: "payment_not_completed" });
    api.placeOrder.mockResolvedValue(placed(expired, true));
    expect(await runCheckout(api, request, noWait)).toEqual({ kind: "existing", order: expired });
    expect(api.payOrder).not.toHaveBeenCalled();
    expect(loadAttempt(7)).toBeNull();
  });

  test("an attempt kept by an older app (no expectedTotal) is resent as it was", async () => {
    sessionStorage.setItem(
      ATTEMPT_STORAGE_KEY,
      JSON.stringify({ userId: 7, orderKey: "old-key", addressId: 3, paymentMode: "CARD", orderId: null, paymentKey: null }),
    );
    const api = fakeApi();
    await runCheckout(api, request, noWait);
    expect(api.placeOrder).toHaveBeenCalledWith(3, "CARD", "old-key", null);
  });

  test("reports its stages", async () => {
    const api = fakeApi();
    const stages: string[] = [];
    await runCheckout(api, request, noWait, (stage) => stages.push(stage));
    expect(stages).toEqual(["order", "payment"]);
  });
});
