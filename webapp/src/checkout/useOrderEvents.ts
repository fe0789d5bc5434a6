// An order's live status from GET /orders/{id}/events (server-sent events).
import { useEffect, useState } from "react";
import { orderEventsUrl } from "../api/endpoints";
import type { Order } from "../api/types";

export type LiveState = "connecting" | "live" | "reconnecting" | "done";

const FINAL = new Set(["DELIVERED", "CANCELLED"]);

export function isFinal(order: Order): boolean {
  return FINAL.has(order.order_status);
}

/** Follows the order while it can still change; `onOrder` gets every update. */
export function useOrderEvents(
  orderId: number,
  enabled: boolean,
  onOrder: (order: Order) => void,
): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") {
      setState("done");
      return undefined;
    }
    setState("connecting");
    // Same origin: the session cookie goes along. EventSource reconnects by itself
    // (the API says `retry: 3000`), also when a replica goes away mid-stream.
    const source = new EventSource(orderEventsUrl(orderId));
    const onStatus = (event: MessageEvent<string>) => {
      try {
        const order = JSON.parse(event.data) as Order;
        onOrder(order);
        setState("live");
        if (isFinal(order)) {
          source.close();
          setState("done");
        }
      } catch {
        // A malformed event is skipped; the next one carries the whole order again.
      }
    };
    source.addEventListener("status", onStatus as EventListener);
    source.onopen = () => setState("live");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "done" : "reconnecting");
    return () => {
      source.removeEventListener("status", onStatus as EventListener);
      source.close();
    };
    // onOrder is a state setter from the caller; the stream depends on the order only.
  }, [orderId, enabled]);
  return state;
}
