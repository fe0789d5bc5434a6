// An order: confirmation after checkout, live status, payment and delivery details; once
// delivered, the customer's rating; when it is over, "Order again".
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { api } from "../api/endpoints";
import { ApiError } from "../api/errors";
import type { Order, OrderStatus } from "../api/types";
import { formatAddress } from "../checkout/AddressSection";
import { isFinal, useOrderEvents } from "../checkout/useOrderEvents";
import { BillDetails } from "../components/BillDetails";
import { Dialog } from "../components/Dialog";
import { ErrorBox, Notice, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { OrderLines } from "../components/OrderLines";
import { RatingSection } from "../components/RatingSection";
import { ReorderButton } from "../components/ReorderButton";
import { BRAND_NAMES, type CardBrand } from "../lib/card";
import { etaText } from "../lib/time";
import { useNow } from "../lib/useNow";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { NotFoundPage } from "./NotFoundPage";

export const STATUS_TEXT: Record<OrderStatus, string> = {
  PENDING_PAYMENT: "Waiting for payment",
  PAYMENT_FAILED: "Payment failed",
  CONFIRMED: "Confirmed",
  PREPARING: "Being prepared",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

/** Why a cancelled order was cancelled, in words. */
export const CANCEL_REASON_TEXT: Record<NonNullable<Order["cancel_reason"]>, string> = {
  cancelled_by_customer: "You cancelled this order.",
  payment_not_completed: "Cancelled automatically: the payment wasn't completed in time.",
  rejected_by_restaurant: "The restaurant couldn't take this order.",
  not_accepted_in_time: "The restaurant did not accept in time.",
};

/** What became of the money of an order the restaurant never took. */
function refundText(order: Order): string | null {
  const status = order.payment?.payment_status;
  if (status === "REFUNDED") return "refunded";
  if (status === "SUCCEEDED") return "refund in progress";
  return null; // cash on delivery, or never paid: nothing to give back
}

/** The reason in words, with the restaurant's own when it rejected the order, and the
 * refund when the restaurant did not take a paid order. */
export function cancelReasonText(order: Order): string | null {
  if (order.cancel_reason === null) return null;
  const text = CANCEL_REASON_TEXT[order.cancel_reason];
  if (order.cancel_reason === "rejected_by_restaurant" || order.cancel_reason === "not_accepted_in_time") {
    const refund = refundText(order);
    const base = refund ? `${text.replace(/\.$/, "")} — ${refund}.` : text;
    return order.cancel_note ? `${base} “${order.cancel_note}”` : base;
  }
  return order.cancel_note ? `${text} “${order.cancel_note}”` : text;
}

/** How often, and how many times, a cancelled order's refund is looked for. */
export const REFUND_POLL_MS = 3_000;
const REFUND_POLLS = 60;

const STEPS: readonly OrderStatus[] = ["CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"];
const CANCELLABLE = new Set<OrderStatus>(["PENDING_PAYMENT", "PAYMENT_FAILED", "CONFIRMED"]);
/** Orders that are over: what they held can be ordered again. */
export const REORDERABLE = new Set<OrderStatus>(["DELIVERED", "CANCELLED"]);

const PAYMENT_MODE_TEXT = { CARD: "Card", UPI: "UPI", COD: "Cash on delivery" } as const;
const PAYMENT_STATUS_TEXT = {
  PENDING: "Pending",
  SUCCEEDED: "Paid",
  FAILED: "Failed",
  REFUNDED: "Refunded",
} as const;
const DELIVERY_TEXT = {
  PENDING: "Waiting for a rider",
  ASSIGNED: "Rider assigned",
  PICKED_UP: "Picked up",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
} as const;

const when = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short" });

export function formatWhen(iso: string): string {
  return when.format(new Date(iso));
}

export function OrderPage() {
  const { orderId } = useParams();
  const id = Number(orderId);
  const location = useLocation();
  const arrival = location.state as { justPlaced?: boolean; alreadyPlaced?: boolean } | null;
  const justPlaced = arrival?.justPlaced === true;
  const alreadyPlaced = arrival?.alreadyPlaced === true;
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const [asking, setAsking] = useState(false);
  useDocumentTitle(order ? `Order #${order.order_id}` : "Order");

  const load = useCallback(async () => {
    setError(null);
    try {
      setOrder(await api.order(id));
    } catch (failure) {
      setError(failure);
    }
  }, [id]);
  useEffect(() => {
    if (Number.isSafeInteger(id) && id > 0) void load();
  }, [id, load]);

  const live = useOrderEvents(id, order !== null && !isFinal(order), setOrder, api.order);
  // The stream ends with the cancellation; a refund the sweep gives after it is read here.
  const refundPending =
    order !== null && order.order_status === "CANCELLED" && order.payment?.payment_status === "SUCCEEDED";
  useEffect(() => {
    if (!refundPending) return undefined;
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      if (tries > REFUND_POLLS) clearInterval(timer);
      else api.order(id).then(setOrder, () => undefined);
    }, REFUND_POLL_MS);
    return () => clearInterval(timer);
  }, [refundPending, id]);
  // The ETA's "in N min" is recomputed as time passes, and whenever a new ETA arrives.
  const now = useNow(15_000, order !== null && order.eta !== null && !isFinal(order), order?.eta);

  if (!Number.isSafeInteger(id) || id <= 0 || (error instanceof ApiError && error.status === 404)) {
    return <NotFoundPage />;
  }
  if (error !== null) return <ErrorBox error={error} onRetry={() => void load()} />;
  if (order === null) return <Skeleton rows={3} label="Loading your order…" />;

  const cancel = async () => {
    setAsking(false);
    setCancelling(true);
    setCancelError(null);
    try {
      setOrder(await api.cancelOrder(order.order_id));
    } catch (failure) {
      setCancelError(failure);
    } finally {
      setCancelling(false);
    }
  };
  const payment = order.payment;
  const reason = cancelReasonText(order);
  const confirmed = STEPS.includes(order.order_status);

  return (
    <article className="order">
      {justPlaced && confirmed ? (
        <div className="confirmation">
          <p className="confirmation-mark" aria-hidden="true">
            ✓
          </p>
          <h1>Order placed!</h1>
          <p className="lede">
            Order <strong>#{order.order_id}</strong> from {order.restaurant.restaurant_name} is
            confirmed.
          </p>
        </div>
      ) : (
        <h1>Order #{order.order_id}</h1>
      )}
      {alreadyPlaced && (
        <Notice>
          Your cart was already ordered, perhaps in another tab or on another device. This is that
          order: nothing was ordered twice.
        </Notice>
      )}

      <section className="panel" aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <p className="status-line" aria-live="polite" data-testid="order-status">
          <span className={`status status-${order.order_status.toLowerCase()}`}>{STATUS_TEXT[order.order_status]}</span>
          {live === "live" && (
            <span className="live-dot" data-testid="live" data-transport="sse">
              Live
            </span>
          )}
          {live === "polling" && (
            <span className="live-dot" data-testid="live" data-transport="polling">
              Updating automatically
            </span>
          )}
        </p>
        {confirmed && (
          <ol className="tracker">
            {STEPS.map((step, index) => {
              const reached = STEPS.indexOf(order.order_status) >= index;
              return (
                <li key={step} className={reached ? "tracker-step reached" : "tracker-step"} aria-current={order.order_status === step ? "step" : undefined}>
                  {STATUS_TEXT[step]}
                </li>
              );
            })}
          </ol>
        )}
        {order.order_status === "CONFIRMED" && (
          <p data-testid="order-waiting">Waiting for {order.restaurant.restaurant_name} to accept your order.</p>
        )}
        {order.eta !== null && !isFinal(order) && (
          <p className="eta" data-testid="order-eta">
            Arriving around <strong>{etaText(order.eta, now)}</strong>
          </p>
        )}
        {order.ready_at !== null && order.order_status === "PREPARING" && (
          <p className="muted" data-testid="order-ready">Your food is ready and waiting for the rider.</p>
        )}
        {reason && <p data-testid="cancel-reason">{reason}</p>}
        {(order.order_status === "PENDING_PAYMENT" || order.order_status === "PAYMENT_FAILED") && (
          <Notice tone="warning">
            This order isn't paid yet. <Link to={`/checkout?order=${order.order_id}`}>Complete the payment</Link>
          </Notice>
        )}
        <p className="muted">Placed {formatWhen(order.created_at)}</p>
      </section>

      <div className="order-grid">
        <section className="panel" aria-labelledby="items-heading">
          <h2 id="items-heading">{order.restaurant.restaurant_name}</h2>
          <OrderLines items={order.items} />
          {order.coupon_code && (
            <p className="muted" data-testid="order-coupon">
              Coupon {order.coupon_code}
            </p>
          )}
          <BillDetails bill={order.bill} totalLabel="Total" />
        </section>

        <section className="panel" aria-labelledby="payment-details-heading">
          <h2 id="payment-details-heading">Payment</h2>
          <dl className="details">
            <dt>Method</dt>
            <dd>
              {PAYMENT_MODE_TEXT[order.payment_mode]}
              {payment?.card && ` · ${BRAND_NAMES[payment.card.brand as CardBrand] ?? payment.card.brand} •••• ${payment.card.last4}`}
            </dd>
            <dt>Status</dt>
            <dd>{payment ? PAYMENT_STATUS_TEXT[payment.payment_status] : "Not paid yet"}</dd>
            {payment && (
              <>
                <dt>Amount</dt>
                <dd>
                  <Money paise={payment.amount} />
                </dd>
                <dt>Payment ID</dt>
                <dd>{payment.payment_id}</dd>
              </>
            )}
          </dl>
        </section>

        <section className="panel" aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">Delivery</h2>
          <dl className="details">
            <dt>To</dt>
            <dd>
              {order.delivery_address.label}: {formatAddress(order.delivery_address)}
            </dd>
            <dt>Delivery</dt>
            <dd>{order.delivery ? DELIVERY_TEXT[order.delivery.delivery_status] : "Starts once the order is confirmed"}</dd>
            {order.delivery?.rider && (
              <>
                <dt>Rider</dt>
                <dd data-testid="order-rider">
                  {order.delivery.rider.rider_name} · phone {order.delivery.rider.phone_masked}
                </dd>
              </>
            )}
          </dl>
        </section>
      </div>

      {order.order_status === "DELIVERED" && (
        <RatingSection orderId={order.order_id} restaurantName={order.restaurant.restaurant_name} />
      )}

      {cancelError !== null && <ErrorBox error={cancelError} />}
      <div className="actions">
        <Link to="/orders" className="button button-secondary">
          All orders
        </Link>
        {REORDERABLE.has(order.order_status) && <ReorderButton order={order} className="button" />}
        {CANCELLABLE.has(order.order_status) && (
          <button type="button" className="button button-danger" onClick={() => setAsking(true)} disabled={cancelling}>
            {cancelling ? "Cancelling…" : "Cancel order"}
          </button>
        )}
      </div>
      <Dialog open={asking} title="Cancel this order?" onClose={() => setAsking(false)}>
        <p>
          {order.payment?.payment_status === "SUCCEEDED"
            ? "The restaurant won't prepare it, and your payment will be refunded."
            : "The restaurant won't prepare it."}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            Keep order
          </button>
          <button type="button" className="button button-danger" onClick={() => void cancel()}>
            Cancel order
          </button>
        </div>
      </Dialog>
    </article>
  );
}
