// An order's live status: the SSE stream GET /orders/{id}/events (event `status`), with
// polling GET /orders/{id} as a fallback (lib/useLiveStream.ts).
import { orderEventsUrl } from "../api/endpoints";
import type { Order } from "../api/types";
import { LIVE_DEFAULTS, type LiveOptions, type LiveState, useLiveStream } from "../lib/useLiveStream";

export { LIVE_DEFAULTS, type LiveOptions, type LiveState };

const FINAL = new Set(["DELIVERED", "CANCELLED"]);

export function isFinal(order: Order): boolean {
  return FINAL.has(order.order_status);
}

export function useOrderEvents(
  orderId: number,
  enabled: boolean,
  onOrder: (order: Order) => void,
  fetchOrder: (orderId: number) => Promise<Order>,
  options: LiveOptions = LIVE_DEFAULTS,
): LiveState {
  return useLiveStream<Order>({
    url: orderEventsUrl(orderId),
    event: "status",
    enabled,
    onValue: onOrder,
    fetchValue: () => fetchOrder(orderId),
    isFinal,
    options,
  });
}
