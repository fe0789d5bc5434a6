// The cart: quantities per line, the coupon, the bill in rupees, on to checkout.
import { useState } from "react";
import { Link } from "react-router";
import type { CartLine } from "../api/types";
import { BillDetails } from "../components/BillDetails";
import { CouponSection } from "../components/CouponSection";
import { EmptyState, ErrorBox, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { QuantityStepper } from "../components/QuantityStepper";
import { VegMark } from "../components/VegMark";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useCart } from "../state/cart";

export function CartPage() {
  useDocumentTitle("Your cart");
  const cart = useCart();
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
  const change = async (line: CartLine, quantity: number) => {
    setError(null);
    try {
      await cart.setQuantity(
        {
          food_id: line.food_id,
          food_name: line.food_name,
          restaurant_id: restaurant.restaurant_id,
          restaurant_name: restaurant.restaurant_name,
        },
        quantity,
      );
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
      {error !== null && <ErrorBox error={error} />}
      {unavailable.length > 0 && (
        <ErrorBox
          message={`${unavailable.map((l) => l.food_name).join(", ")} ${unavailable.length === 1 ? "is" : "are"} no longer available. Remove ${unavailable.length === 1 ? "it" : "them"} to continue.`}
        />
      )}
      <ul className="cart-lines">
        {lines.map((line) => (
          <li key={line.food_id} className={line.availability ? "cart-line" : "cart-line dish-unavailable"}>
            <div className="cart-line-info">
              <p className="dish-name">
                <VegMark veg={line.is_veg} /> {line.food_name}
              </p>
              <p className="muted">
                <Money paise={line.price} /> each
                {!line.availability && <strong className="tag-unavailable"> · Unavailable</strong>}
              </p>
            </div>
            <div className="cart-line-actions">
              {line.availability ? (
                <QuantityStepper
                  name={line.food_name}
                  quantity={line.quantity}
                  busy={cart.busy.has(line.food_id)}
                  onChange={(q) => void change(line, q)}
                />
              ) : (
                <button type="button" className="button button-secondary" onClick={() => void change(line, 0)}>
                  Remove <span className="visually-hidden">{line.food_name}</span>
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
