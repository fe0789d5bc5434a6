// "Order again": the cart becomes a past order's items at today's prices (the API replaces
// it, so a cart that holds something is confirmed first), then the cart page names what
// could not be added.
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { Order } from "../api/types";
import { useCart } from "../state/cart";
import { Dialog } from "./Dialog";
import { ErrorBox } from "./Feedback";

export function ReorderButton({ order, className = "button button-secondary" }: { order: Order; className?: string }) {
  const cart = useCart();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const label = `Order again from ${order.restaurant.restaurant_name}, order #${order.order_id}`;

  const run = async () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    try {
      const unavailable = await cart.reorder(order.order_id);
      navigate("/cart", { state: { reordered: { reorderedFrom: order.order_id, unavailable } } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div className="reorder">
      <button
        type="button"
        className={className}
        aria-label={label}
        disabled={busy}
        onClick={() => (cart.count > 0 ? setAsking(true) : void run())}
      >
        {busy ? "Adding…" : "Order again"}
      </button>
      {error !== null && <ErrorBox error={error} />}
      <Dialog open={asking} title="Replace your cart?" onClose={() => setAsking(false)} initialFocus={keep}>
        <p>
          Your cart has {cart.count} {cart.count === 1 ? "item" : "items"}
          {cart.cart?.restaurant ? ` from ${cart.cart.restaurant.restaurant_name}` : ""}. Ordering #{order.order_id}{" "}
          again empties it first.
        </p>
        <div className="dialog-actions">
          <button ref={keep} type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            Keep my cart
          </button>
          <button type="button" className="button" onClick={() => void run()}>
            Replace cart
          </button>
        </div>
      </Dialog>
    </div>
  );
}
