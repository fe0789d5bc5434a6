// The cart: each line (a dish with its options) and its quantity, the coupon, the bill in
// rupees, on to checkout. After "Order again" it says what could not be added.
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { BillDetails } from "../components/BillDetails";
import { LineOptions } from "../components/LineOptions";
import { CouponSection } from "../components/CouponSection";
import { EmptyState, ErrorBox, Notice, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { QuantityStepper } from "../components/QuantityStepper";
import { VegMark } from "../components/VegMark";
import { lineName } from "../lib/options";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useCart } from "../state/cart";

/** How the cart page is reached from "Order again" (location state). */
export interface Reordered {
  reorderedFrom: number;
  unavailable: string[];
}

export function ReorderNotice({ reordered }: { reordered: Reordered }) {
  const { reorderedFrom, unavailable } = reordered;
  return (
    <Notice tone={unavailable.length ? "warning" : "success"}>
      <p>Your cart now holds order #{reorderedFrom} again, at today's prices.</p>
      {unavailable.length > 0 && (
        <p data-testid="reorder-unavailable">
          Not available any more, so not added: {unavailable.join(", ")}.
        </p>
      )}
    </Notice>
  );
}

export function CartPage() {
  useDocumentTitle("Your cart");
  const cart = useCart();
  const location = useLocation();
  const reordered = (location.state as { reordered?: Reordered } | null)?.reordered ?? null;
  const [error, setError] = useState<unknown>(null);

  if (cart.cart === null) {
    if (cart.loadError !== null) {
      return (
        <section>
          <h1>Your cart</h1>
          <ErrorBox error={cart.loadError} onRetry={() => void cart.refresh()} />
        </section>
      );
    }
    return (
      <section>
        <h1>Your cart</h1>
        <Skeleton rows={2} label="Loading your cart…" />
      </section>
    );
  }

  const { food_items: lines, restaurant, bill, coupon, total_amount } = cart.cart;
  if (lines.length === 0 || restaurant === null) {
    return (
      <section>
        <h1>Your cart</h1>
        <EmptyState title="Your cart is empty.">
          <p>Find a restaurant you like and add a few dishes.</p>
          <Link to="/" className="button">
            Browse restaurants
          </Link>
        </EmptyState>
      </section>
    );
  }

  const unavailable = lines.filter((line) => !line.availability);
  const change = async (lineId: string, quantity: number) => {
    setError(null);
    try {
      await cart.setLineQuantity(lineId, quantity);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section>
      <h1>Your cart</h1>
      <p className="lede">
        From <Link to={`/restaurants/${restaurant.restaurant_id}`}>{restaurant.restaurant_name}</Link>
      </p>
      {reordered && <ReorderNotice reordered={reordered} />}
      {error !== null && <ErrorBox error={error} />}
      {unavailable.length > 0 && (
        <ErrorBox
          message={`${unavailable.map(lineName).join(", ")} ${unavailable.length === 1 ? "is" : "are"} no longer available. Remove ${unavailable.length === 1 ? "it" : "them"} to continue.`}
        />
      )}
      <ul className="cart-lines">
        {lines.map((line) => (
          <li key={line.line_id} className={line.availability ? "cart-line" : "cart-line dish-unavailable"}>
            <div className="cart-line-info">
              <p className="dish-name">
                <VegMark veg={line.is_veg} /> {line.food_name}
              </p>
              {line.options.length > 0 && <LineOptions options={line.options} />}
              <p className="muted">
                <Money paise={line.price} /> each
                {!line.availability && <strong className="tag-unavailable"> · Unavailable</strong>}
              </p>
            </div>
            <div className="cart-line-actions">
              {line.availability ? (
                <QuantityStepper
                  name={lineName(line)}
                  quantity={line.quantity}
                  busy={cart.isLineBusy(line.line_id)}
                  onChange={(q) => void change(line.line_id, q)}
                />
              ) : (
                <button type="button" className="button button-secondary" onClick={() => void change(line.line_id, 0)}>
                  Remove <span className="visually-hidden">{lineName(line)}</span>
                </button>
              )}
              <Money paise={line.line_total} className="line-total" />
            </div>
          </li>
        ))}
      </ul>
      <CouponSection coupon={coupon} onApply={cart.applyCoupon} onRemove={cart.removeCoupon} />
      {bill ? (
        <BillDetails bill={bill} totalLabel="Total" />
      ) : (
        <div className="totals">
          <span>Total</span>
          <Money paise={total_amount} className="total" />
        </div>
      )}
      <div className="actions">
        <Link to={`/restaurants/${restaurant.restaurant_id}`} className="button button-secondary">
          Add more
        </Link>
        {unavailable.length > 0 ? (
          <button type="button" className="button" disabled>
            Checkout
          </button>
        ) : (
          <Link to="/checkout" className="button">
            Checkout
          </Link>
        )}
      </div>
    </section>
  );
}
