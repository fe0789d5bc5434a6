// An order's live status: the SSE stream GET /orders/{id}/events, with polling as a
// fallback when the stream delivers nothing (a proxy that buffers it, no EventSource).
import { useEffect, useRef, useState } from "react";
import { orderEventsUrl } from "../api/endpoints";
import type { Order } from "../api/types";

/** live: events arrive; polling: the fallback is on; done: the order cannot change. */
export type LiveState = "connecting" | "live" | "polling" | "done";

const FINAL = new Set(["DELIVERED", "CANCELLED"]);

export function isFinal(order: Order): boolean {
  return FINAL.has(order.order_status);
}

export interface LiveOptions {
  /** Poll when the stream has sent nothing for this long after opening. */
  fallbackAfterMs: number;
  pollEveryMs: number;
}

export const LIVE_DEFAULTS: LiveOptions = { fallbackAfterMs: 4_000, pollEveryMs: 3_000 };

export function useOrderEvents(
  orderId: number,
  enabled: boolean,
  onOrder: (order: Order) => void,
  fetchOrder: (orderId: number) => Promise<Order>,
  options: LiveOptions = LIVE_DEFAULTS,
): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const callbacks = useRef({ onOrder, fetchOrder });
  callbacks.current = { onOrder, fetchOrder };

  useEffect(() => {
    if (!enabled) {
      setState("done");
      return undefined;
    }
    setState("connecting");
    let stopped = false;
    let gotEvent = false;
    let pollTimer: ReturnType<typeof setInterval> | null = null;
    let source: EventSource | null = null;

    const stopPolling = () => {
      if (pollTimer !== null) clearInterval(pollTimer);
      pollTimer = null;
    };
    const finish = () => {
      stopped = true;
      source?.close();
      stopPolling();
      setState("done");
    };
    const deliver = (order: Order) => {
      if (stopped) return;
      callbacks.current.onOrder(order);
      if (isFinal(order)) finish();
    };
    const startPolling = () => {
      if (stopped || pollTimer !== null) return;
      setState("polling");
      pollTimer = setInterval(() => {
        callbacks.current.fetchOrder(orderId).then(deliver, () => undefined);
      }, options.pollEveryMs);
    };

    if (typeof EventSource === "undefined") {
      startPolling();
    } else {
      // Same origin: the session cookie goes along. EventSource reconnects by itself
      // (the API says `retry: 3000`), also when a replica goes away mid-stream.
      source = new EventSource(orderEventsUrl(orderId));
      source.addEventListener("status", (event) => {
        let order: Order;
        try {
          order = JSON.parse((event as MessageEvent<string>).data) as Order;
        } catch {
          return; // a malformed event is skipped; the next one carries the whole order again
        }
        gotEvent = true;
        stopPolling();
        if (!stopped) setState("live");
        deliver(order);
      });
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) startPolling();
      };
    }
    const fallback = setTimeout(() => {
      if (!gotEvent) startPolling();
    }, options.fallbackAfterMs);

    return () => {
      stopped = true;
      clearTimeout(fallback);
      stopPolling();
      source?.close();
    };
  }, [orderId, enabled, options.fallbackAfterMs, options.pollEveryMs]);

  return state;
}
