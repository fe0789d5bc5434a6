// The partner's open orders, live: GET /partner/events (event `orders`, data as
// GET /partner/orders), polling GET /partner/orders when the stream sends nothing.
import { useCallback, useEffect, useState } from "react";
import { PARTNER_EVENTS_URL, api } from "../api/endpoints";
import type { Order } from "../api/types";
import { LIVE_DEFAULTS, type LiveOptions, type LiveState, useLiveStream } from "../lib/useLiveStream";

export interface PartnerOrders {
  orders: Order[] | null;
  error: unknown;
  live: LiveState;
  /** Bumped at every list received: what depends on the orders (today's tally) reloads. */
  version: number;
  /** One order as an action answered it, before the stream says so. */
  replace(order: Order): void;
  reload(): Promise<void>;
}

const OPEN = new Set(["CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY"]);

export function usePartnerOrders(options: LiveOptions = LIVE_DEFAULTS): PartnerOrders {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  const receive = useCallback((list: { orders: Order[] }) => {
    setOrders(list.orders);
    setError(null);
    setVersion((v) => v + 1);
  }, []);

  const reload = useCallback(async () => {
    try {
      receive(await api.partnerOrders());
    } catch (failure) {
      setError(failure);
    }
  }, [receive]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const live = useLiveStream<{ orders: Order[] }>({
    url: PARTNER_EVENTS_URL,
    event: "orders",
    enabled: true,
    onValue: receive,
    fetchValue: api.partnerOrders,
    options,
  });

  const replace = useCallback((changed: Order) => {
    setOrders((current) => {
      if (current === null) return current;
      const next = current.map((o) => (o.order_id === changed.order_id ? changed : o));
      return next.filter((o) => OPEN.has(o.order_status));
    });
    setVersion((v) => v + 1);
  }, []);

  return { orders, error, live, version, replace, reload };
}
