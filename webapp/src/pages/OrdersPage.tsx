// Order history, newest first, a page at a time; an order that is over can be ordered again.
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { api } from "../api/endpoints";
import type { Order } from "../api/types";
import { EmptyState, ErrorBox, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { ReorderButton } from "../components/ReorderButton";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { REORDERABLE, STATUS_TEXT, cancelReasonText, formatWhen } from "./OrderPage";

const PAGE = 20;

export function OrdersPage() {
  useDocumentTitle("Your orders");
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(async (before?: number) => {
    setError(null);
    try {
      const page = await api.orders(before, PAGE);
      setOrders((current) => (before ? [...(current ?? []), ...page.orders] : page.orders));
      setHasMore(page.orders.length === PAGE);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const more = async () => {
    const last = orders?.[orders.length - 1];
    if (!last) return;
    setLoadingMore(true);
    await load(last.order_id);
    setLoadingMore(false);
  };

  return (
    <section>
      <h1>Your orders</h1>
      {error !== null && <ErrorBox error={error} onRetry={() => void load()} />}
      {orders === null && error === null && <Skeleton rows={3} label="Loading your orders…" />}
      {orders?.length === 0 && (
        <EmptyState title="No orders yet.">
          <p>When you order, it shows up here.</p>
          <Link to="/" className="button">
            Find something to eat
          </Link>
        </EmptyState>
      )}
      {orders && orders.length > 0 && (
        <ul className="order-list">
          {orders.map((order) => {
            const reason = cancelReasonText(order);
            return (
              <li key={order.order_id} className="order-entry">
                <Link to={`/orders/${order.order_id}`} className="card order-card">
                  <span className="card-body">
                    <span className="card-title">{order.restaurant.restaurant_name}</span>
                    <span className="card-meta">
                      #{order.order_id} · {formatWhen(order.created_at)} ·{" "}
                      {order.items.reduce((n, item) => n + item.quantity, 0)} items
                    </span>
                    {reason && <span className="card-meta">{reason}</span>}
                  </span>
                  <span className="order-card-side">
                    <Money paise={order.total_amount} />
                    <span className={`status status-${order.order_status.toLowerCase()}`}>{STATUS_TEXT[order.order_status]}</span>
                  </span>
                </Link>
                {REORDERABLE.has(order.order_status) && <ReorderButton order={order} />}
              </li>
            );
          })}
        </ul>
      )}
      {hasMore && (
        <div className="more">
          <button type="button" className="button button-secondary" onClick={() => void more()} disabled={loadingMore}>
            {loadingMore ? "Loading…" : "Older orders"}
          </button>
        </div>
      )}
    </section>
  );
}
