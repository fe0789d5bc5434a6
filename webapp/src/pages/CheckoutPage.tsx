// Checkout: address, payment, the rider's tip, the bill, and one button that never orders twice.
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { cartChangedOf } from "../api/conflicts";
import { api } from "../api/endpoints";
import { ApiError, fieldMessage } from "../api/errors";
import { fieldErrors, messageFor } from "../api/problems";
import type { Address, ChosenOption, Order } from "../api/types";
import { attemptToPay, clearAttempt } from "../checkout/attempt";
import { AddressSection } from "../checkout/AddressSection";
import { PaymentSection } from "../checkout/PaymentSection";
import { PriceChanges } from "../checkout/PriceChanges";
import { TipSection } from "../checkout/TipSection";
import { usePaymentForm, validatePayment } from "../checkout/paymentForm";
import { type CheckoutOutcome, isPaid } from "../checkout/runCheckout";
import { type CheckoutPhase, useCheckout } from "../checkout/useCheckout";
import { useDeliveryCheck } from "../checkout/useDeliveryCheck";
import { BillDetails } from "../components/BillDetails";
import { ErrorBox, Notice, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { type OrderLineItems, OrderLines } from "../components/OrderLines";
import { formatPaise } from "../lib/money";
import { lineName } from "../lib/options";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useCart } from "../state/cart";
import { useCity } from "../state/city";
import { useSession } from "../state/session";

const PHASE_TEXT: Record<CheckoutPhase, string> = {
  idle: "",
  placing: "Placing your order…",
  paying: "Processing your payment…",
  retrying: "The connection dropped. Trying again — you won't be charged twice…",
};

export function CheckoutPage() {
  const { user } = useSession();
  if (!user) return null; // RequireAuth guards the route
  return <Checkout userId={user.user_id} />;
}

function Checkout({ userId }: { userId: number }) {
  useDocumentTitle("Checkout");
  const navigate = useNavigate();
  const cart = useCart();
  const { city } = useCity();
  const checkout = useCheckout(userId);
  // An unfinished attempt (kept across a reload) fixes the payment method it started with.
  const payment = usePaymentForm(checkout.attempt?.paymentMode);
  const numberRef = useRef<HTMLInputElement>(null);
  const [addresses, setAddresses] = useState<Address[] | null>(null);
  const [addressId, setAddressId] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [placedOrder, setPlacedOrder] = useState<Order | null>(null);

  const attempt = checkout.attempt;
  const orderId = attempt?.orderId ?? null;
  // ?order=ID (an unpaid order's page links here): pay that order, even from a tab that
  // never placed it. An attempt this tab keeps comes first: its key may be unanswered.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("order"));
  const toPay = attempt === null && Number.isSafeInteger(asked) && asked > 0 ? asked : null;
  const { reload } = checkout;
  useEffect(() => {
    if (toPay === null) return;
    let live = true;
    api
      .order(toPay)
      .then((order) => {
        if (!live) return;
        const unpaid = order.order_status === "PENDING_PAYMENT" || order.order_status === "PAYMENT_FAILED";
        if (unpaid && order.payment_mode !== "COD") {
          attemptToPay(userId, order);
          reload();
          setParams({}, { replace: true }); // the attempt has it now (and keeps it on a reload)
        } else {
          navigate(`/orders/${order.order_id}`, { replace: true }); // paid, cancelled, or cash
        }
      })
      // Not this customer's, or unreadable now: the order's page says which.
      .catch(() => live && navigate(`/orders/${toPay}`, { replace: true }));
    return () => {
      live = false;
    };
  }, [toPay, userId, reload, navigate, setParams]);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const book = await api.addresses();
      setAddresses(book.addresses);
      setAddressId((current) => current ?? attempt?.addressId ?? book.addresses[0]?.address_id ?? null);
    } catch (failure) {
      setLoadError(failure);
    }
  }, [attempt?.addressId]);
  useEffect(() => {
    void load();
  }, [load]);

  // An order placed by an earlier try (or before a reload) waits for its payment.
  useEffect(() => {
    if (orderId === null) return;
    let live = true;
    api
      .order(orderId)
      .then((order) => {
        if (!live) return;
        if (isPaid(order) || order.order_status === "CANCELLED") {
          clearAttempt();
          checkout.reload();
          // Paid meanwhile, or cancelled (by the customer, or unpaid for too long): its page says so.
          navigate(`/orders/${order.order_id}`, { replace: true });
          return;
        }
        setPlacedOrder(order);
      })
      .catch(() => undefined); // the page still works; paying reports any problem
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per placed order
  }, [orderId]);

  const outcome = checkout.outcome;
  useEffect(() => {
    // Once an order exists the server has emptied the cart: show that everywhere.
    if (outcome) void cart.refresh();
    if (outcome?.kind === "confirmed") {
      cart.clearLocal();
      navigate(`/orders/${outcome.order.order_id}`, { replace: true, state: { justPlaced: true } });
    }
    if (outcome?.kind === "existing") {
      // This cart was ordered already (another tab or device): that order is the answer.
      cart.clearLocal();
      navigate(`/orders/${outcome.order.order_id}`, { replace: true, state: { alreadyPlaced: true } });
    }
    if (outcome?.kind === "declined") {
      numberRef.current?.focus();
      numberRef.current?.select();
    }
    if (outcome?.kind === "refused" && outcome.stage === "payment") {
      payment.setErrors(fieldErrors(outcome.error, "card."));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per checkout outcome
  }, [outcome]);

  const lines = cart.cart?.food_items ?? [];
  const placed = orderId !== null;
  const undecided = attempt !== null && !placed;
  // 409 cart_changed: the server repriced the cart; its new total is what a second press agrees to.
  const priceChange = !placed && outcome?.kind === "refused" && outcome.stage === "order" ? cartChangedOf(outcome.error) : null;
  // The total shown is the total the order is placed at (expected_total, the price lock).
  const total = placedOrder?.total_amount ?? priceChange?.total ?? cart.cart?.total_amount ?? 0;
  // The bill shown: the placed order's, or the cart's (refreshed after any outcome, so a
  // 409's repriced cart is the one shown once it is here). A bill whose total is not the
  // total the button sends is not shown meanwhile: the total alone is.
  const shownBill = placedOrder?.bill ?? cart.cart?.bill ?? null;
  const bill = shownBill?.total_amount === total ? shownBill : null;
  const choosing = attempt === null; // no attempt under way fixes the address yet
  const { delivery, refuse } = useDeliveryCheck(
    choosing ? addressId : null,
    choosing ? (cart.cart?.restaurant?.restaurant_id ?? null) : null,
  );
  const undeliverable =
    choosing && delivery?.serviceable === false ? (delivery.detail || "It is outside the restaurant's delivery area.") : null;
  const unavailable =
    choosing && (lines.some((line) => !line.availability) || (priceChange?.changes.some((c) => !c.available) ?? false));

  if (toPay !== null) return <Skeleton rows={3} label="Loading your order…" />;
  // An unfinished attempt stays here even with an empty cart: its order may exist already.
  if (attempt === null && cart.cart !== null && lines.length === 0 && !checkout.pending && !outcome) {
    return <Navigate to="/cart" replace />;
  }

  const tipTo = async (amount: number) => {
    await cart.setTip(amount);
    // The answer's total is the one to agree to now, not an earlier 409's.
    checkout.dismiss();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checkout.pending) return;
    const chosen = attempt?.addressId ?? addressId;
    if (chosen === null) return;
    const checked = validatePayment(payment.form);
    if ("errors" in checked) {
      payment.setErrors(checked.errors);
      return;
    }
    const result = await checkout.submit(chosen, checked.details, total);
    if (result?.kind === "refused" && result.error.code === "address_not_serviceable") {
      refuse(chosen, fieldMessage(result.error, "address_id") ?? result.error.detail);
    }
  };

  const mode = payment.form.mode;
  const buttonText = priceChange
    ? `Place order at ${formatPaise(total)}`
    : placed || mode !== "COD"
      ? `Pay ${formatPaise(total)}`
      : `Place order · ${formatPaise(total)}`;

  return (
    <section className="checkout">
      <h1>Checkout</h1>
      {placed && (
        <Notice tone="warning">
          Order #{orderId} is placed and waiting for payment. Pay below to confirm it.
        </Notice>
      )}
      {undecided && (
        <Notice tone="warning">
          We didn't hear back about your last try. Trying again is safe: you will get one order and
          be charged at most once.
        </Notice>
      )}
      {loadError !== null && <ErrorBox error={loadError} onRetry={() => void load()} />}
      <div className="checkout-grid">
        <div className="checkout-main">
          {addresses === null && loadError === null ? (
            <Skeleton rows={1} label="Loading your addresses…" />
          ) : (
            addresses && (
              <AddressSection
                addresses={placedOrder ? [placedOrder.delivery_address] : addresses}
                selected={placedOrder?.delivery_address.address_id ?? attempt?.addressId ?? addressId}
                locked={attempt !== null}
                city={city}
                undeliverable={undeliverable}
                onSelect={setAddressId}
                onAdded={(address) => {
                  setAddresses((current) => [...(current ?? []), address]);
                  setAddressId(address.address_id);
                }}
              />
            )
          )}
          <form id="checkout-form" onSubmit={(e) => void submit(e)} noValidate>
            <PaymentSection
              form={payment.form}
              errors={payment.errors}
              allowCod={!placed}
              modeLocked={undecided}
              disabled={checkout.pending}
              numberRef={numberRef}
              onChange={payment.update}
            />
          </form>
          {choosing && cart.cart?.bill && (
            <TipSection tip={cart.cart.tip} disabled={checkout.pending} onTip={tipTo} />
          )}
        </div>
        <aside className="panel summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Your order</h2>
          {placedOrder ? (
            <OrderSummary items={placedOrder.items} restaurant={placedOrder.restaurant.restaurant_name} />
          ) : (
            <OrderSummary items={lines} restaurant={cart.cart?.restaurant?.restaurant_name ?? ""} />
          )}
          {bill ? (
            <BillDetails bill={bill} />
          ) : (
            <div className="totals">
              <span>To pay</span>
              <Money paise={total} className="total" />
            </div>
          )}
          {unavailable && !priceChange && (
            <ErrorBox message={`${goneNames(lines)} no longer available.`}>
              <Link to="/cart">Review your cart</Link>
            </ErrorBox>
          )}
          <OutcomeMessage outcome={checkout.outcome} />
          <p className="visually-hidden" role="status">
            {PHASE_TEXT[checkout.phase]}
          </p>
          {checkout.pending && (
            <p className="pending" aria-hidden="true">
              {PHASE_TEXT[checkout.phase]}
            </p>
          )}
          <button
            type="submit"
            form="checkout-form"
            className="button button-block button-primary"
            disabled={
              checkout.pending ||
              (choosing && (addressId === null || undeliverable !== null || unavailable))
            }
          >
            {checkout.pending ? PHASE_TEXT[checkout.phase].replace(/ —.*/, "…") : undecided ? "Try again" : buttonText}
          </button>
          {!placed && (
            <Link to="/cart" className="back-link">
              Back to cart
            </Link>
          )}
        </aside>
      </div>
    </section>
  );
}


function goneNames(lines: ReadonlyArray<{ food_name: string; options: ChosenOption[]; availability: boolean }>): string {
  const gone = lines.filter((line) => !line.availability).map(lineName);
  return `${gone.join(", ")} ${gone.length === 1 ? "is" : "are"}`;
}

function OrderSummary({ items, restaurant }: { items: OrderLineItems; restaurant: string }) {
  return (
    <>
      {restaurant && <p className="muted">{restaurant}</p>}
      <OrderLines items={items} />
    </>
  );
}

function OutcomeMessage({ outcome }: { outcome: CheckoutOutcome | null }) {
  if (!outcome || outcome.kind === "confirmed" || outcome.kind === "existing") return null;
  if (outcome.kind === "declined") {
    return (
      <ErrorBox error={outcome.error}>
        <p>Your order is saved. Enter another card or choose UPI, then pay again.</p>
      </ErrorBox>
    );
  }
  if (outcome.kind === "unreachable") {
    return (
      <ErrorBox
        message={
          outcome.error instanceof ApiError && outcome.error.code === "payment_unavailable"
            ? messageFor(outcome.error)
            : "We can't reach the server right now. Your order details are kept: press the button again to retry safely."
        }
      />
    );
  }
  const changed = cartChangedOf(outcome.error);
  if (changed) return <PriceChanges changed={changed} />;
  if (outcome.error.code === "item_unavailable") {
    return (
      <ErrorBox error={outcome.error}>
        <Link to="/cart">Review your cart</Link>
      </ErrorBox>
    );
  }
  return <ErrorBox error={outcome.error} />;
}
