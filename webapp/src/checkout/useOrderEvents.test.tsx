import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Order } from "../api/types";
import { order } from "../test/fixtures";
import { useOrderEvents } from "./useOrderEvents";

class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 0;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners = new Map<string, (event: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, listener);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(data: Order) {
    this.listeners.get("status")?.(new MessageEvent("status", { data: JSON.stringify(data) }));
  }
}

const options = { fallbackAfterMs: 1_000, pollEveryMs: 500 };

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("EventSource", FakeEventSource);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("useOrderEvents", () => {
  test("status events from the stream update the order; a final status closes it", () => {
    const seen: string[] = [];
    const fetchOrder = vi.fn(async () => order());
    const { result } = renderHook(() =>
      useOrderEvents(501, true, (o) => seen.push(o.order_status), fetchOrder, options),
    );
    const source = FakeEventSource.last!;
    expect(source.url).toBe("/api/v1/orders/501/events");
    act(() => source.emit(order({ order_status: "PREPARING" })));
    expect(result.current).toBe("live");
    act(() => source.emit(order({ order_status: "DELIVERED" })));
    expect(seen).toEqual(["PREPARING", "DELIVERED"]);
    expect(source.closed).toBe(true);
    expect(result.current).toBe("done");
    act(() => void vi.advanceTimersByTime(5_000));
    expect(fetchOrder).not.toHaveBeenCalled();
  });

  test("a stream that stays silent falls back to polling the order", async () => {
    const seen: string[] = [];
    const fetchOrder = vi.fn(async () => order({ order_status: "OUT_FOR_DELIVERY" }));
    const { result } = renderHook(() =>
      useOrderEvents(501, true, (o) => seen.push(o.order_status), fetchOrder, options),
    );
    await act(async () => void (await vi.advanceTimersByTimeAsync(1_600)));
    expect(result.current).toBe("polling");
    expect(fetchOrder).toHaveBeenCalledWith(501);
    expect(seen).toContain("OUT_FOR_DELIVERY");

    // The stream comes through after all: polling stops.
    act(() => FakeEventSource.last!.emit(order({ order_status: "OUT_FOR_DELIVERY" })));
    expect(result.current).toBe("live");
    const calls = fetchOrder.mock.calls.length;
    await act(async () => void (await vi.advanceTimersByTimeAsync(2_000)));
    expect(fetchOrder.mock.calls.length).toBe(calls);
  });

  test("nothing is watched for an order that cannot change", () => {
    FakeEventSource.last = null;
    const { result } = renderHook(() => useOrderEvents(501, false, () => {}, async () => order(), options));
    expect(result.current).toBe("done");
    expect(FakeEventSource.last).toBeNull();
  });
});
