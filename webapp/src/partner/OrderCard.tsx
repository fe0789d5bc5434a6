// One open order on the partner's console: what was ordered, the total and how it is
// paid, the time left to accept it; accept (with a preparation time) or reject (with a
// reason); "Food ready" once accepted; the rider once one is assigned.
import { type FormEvent, useId, useState } from "react";
import { api } from "../api/endpoints";
import { fieldMessage } from "../api/errors";
import { apiMessage } from "../api/problems";
import type { Order } from "../api/types";
import { Field } from "../components/Field";
import { Money } from "../components/Money";
import { OrderLines } from "../components/OrderLines";
import { clockTime, countdown, etaText, secondsUntil } from "../lib/time";
import { useNow } from "../lib/useNow";

export const PREP_MIN = 5;
export const PREP_MAX = 120;
const REASON_MAX = 200;

const PAYMENT_MODE_TEXT = { CARD: "Card", UPI: "UPI", COD: "Cash on delivery" } as const;
const PAYMENT_STATUS_TEXT = {
  PENDING: "not paid yet",
  SUCCEEDED: "paid",
  FAILED: "failed",
  REFUNDED: "refunded",
} as const;

/** The preparation time typed, or what is wrong with it. */
export function parsePrepMinutes(text: string): number | string {
  const value = Number(text.trim());
  if (!text.trim() || !Number.isInteger(value) || value < PREP_MIN || value > PREP_MAX) {
    return `Enter whole minutes from ${PREP_MIN} to ${PREP_MAX}.`;
  }
  return value;
}

function AcceptCountdown({ acceptBy }: { acceptBy: string }) {
  const now = useNow(1_000);
  const left = secondsUntil(acceptBy, now);
  return (
    <p className={left <= 30 ? "countdown countdown-urgent" : "countdown"} data-testid="accept-countdown">
      {left > 0 ? (
        <>
          Accept within <span role="timer">{countdown(left)}</span>{" "}
          <span className="muted">(by {clockTime(acceptBy)})</span>
        </>
      ) : (
        "Time to accept is up: the order is being cancelled and refunded."
      )}
    </p>
  );
}

function AnswerForms({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const [prep, setPrep] = useState("15");
  const [prepError, setPrepError] = useState<string | null>(null);
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [rejectError, setRejectError] = useState<unknown>(null);
  const [pending, setPending] = useState<"accept" | "reject" | null>(null);
  const acceptErrorId = useId();
  const rejectErrorId = useId();

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const minutes = parsePrepMinutes(prep);
    setAcceptError(null);
    if (typeof minutes === "string") {
      setPrepError(minutes);
      return;
    }
    setPrepError(null);
    setPending("accept");
    try {
      onChange(await api.acceptOrder(order.order_id, minutes));
    } catch (failure) {
      const field = fieldMessage(failure, "prep_minutes");
      if (field) setPrepError(field);
      else setAcceptError(failure);
    } finally {
      setPending(null);
    }
  };

  const reject = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const said = reason.trim();
    setRejectError(null);
    if (!said) {
      setReasonError("Say why, so the customer knows.");
      return;
    }
    setReasonError(null);
    setPending("reject");
    try {
      onChange(await api.rejectOrder(order.order_id, said));
    } catch (failure) {
      const field = fieldMessage(failure, "reason");
      if (field) setReasonError(field);
      else setRejectError(failure);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="partner-answer">
      <form
        className="inline-form"
        aria-label={`Accept order #${order.order_id}`}
        onSubmit={(e) => void accept(e)}
        noValidate
      >
        <Field
          label="Preparation time (minutes)"
          type="number"
          inputMode="numeric"
          min={PREP_MIN}
          max={PREP_MAX}
          step={1}
          value={prep}
          onChange={(e) => setPrep(e.target.value)}
          error={prepError}
          hint={`${PREP_MIN}–${PREP_MAX} minutes`}
        />
        <button
          type="submit"
          className="button"
          disabled={pending !== null}
          aria-describedby={acceptError !== null ? acceptErrorId : undefined}
        >
          {pending === "accept" ? "Accepting…" : "Accept"}
        </button>
        {acceptError !== null && (
          <p id={acceptErrorId} className="field-error" role="alert">
            {apiMessage(acceptError)}
          </p>
        )}
      </form>
      {!rejecting ? (
        <button type="button" className="button button-secondary" onClick={() => setRejecting(true)} disabled={pending !== null}>
          Reject…
        </button>
      ) : (
        <form
          className="inline-form"
          aria-label={`Reject order #${order.order_id}`}
          onSubmit={(e) => void reject(e)}
          noValidate
        >
          <Field
            label="Reason for rejecting"
            type="text"
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
            hint="The customer sees this."
          />
          <div className="inline-actions">
            <button
              type="submit"
              className="button button-danger"
              disabled={pending !== null}
              aria-describedby={rejectError !== null ? rejectErrorId : undefined}
            >
              {pending === "reject" ? "Rejecting…" : "Reject order"}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRejecting(false)}>
              Keep
            </button>
          </div>
          {rejectError !== null && (
            <p id={rejectErrorId} className="field-error" role="alert">
              {apiMessage(rejectError)}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

function ReadyButton({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorId = useId();
  const ready = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      onChange(await api.foodReady(order.order_id));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="inline-form">
      <button
        type="button"
        className="button"
        onClick={() => void ready()}
        disabled={pending}
        aria-describedby={error !== null ? errorId : undefined}
      >
        {pending ? "Saving…" : "Food ready"}
      </button>
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {apiMessage(error)}
        </p>
      )}
    </div>
  );
}

export function OrderCard({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const headingId = useId();
  const now = useNow(30_000, order.eta !== null, order.eta);
  const rider = order.delivery?.rider ?? null;
  const payment = order.payment;
  return (
    <article className="panel partner-order" aria-labelledby={headingId} data-order-id={order.order_id}>
      <header className="partner-order-head">
        <h3 id={headingId}>Order #{order.order_id}</h3>
        <span className="muted">Placed {clockTime(order.created_at)}</span>
      </header>
      <OrderLines items={order.items} />
      <dl className="details">
        <dt>Total</dt>
        <dd data-testid="partner-order-total">
          <Money paise={order.total_amount} />
        </dd>
        <dt>Payment</dt>
        <dd>
          {PAYMENT_MODE_TEXT[order.payment_mode]}
          {payment && order.payment_mode !== "COD" && `, ${PAYMENT_STATUS_TEXT[payment.payment_status]}`}
          {order.payment_mode === "COD" && " (the rider collects it)"}
        </dd>
        {order.order_status !== "CONFIRMED" && (
          <>
            <dt>Rider</dt>
            <dd data-testid="partner-order-rider">
              {rider ? `${rider.rider_name} · phone ${rider.phone_masked}` : "Waiting for a rider"}
            </dd>
          </>
        )}
        {order.prep_minutes !== null && order.accepted_at !== null && (
          <>
            <dt>Preparation</dt>
            <dd>
              {order.prep_minutes} min (accepted {clockTime(order.accepted_at)})
            </dd>
          </>
        )}
        {order.eta !== null && (
          <>
            <dt>Delivery by</dt>
            <dd>{etaText(order.eta, now)}</dd>
          </>
        )}
      </dl>
      {order.order_status === "CONFIRMED" && (
        <>
          {order.accept_by !== null && <AcceptCountdown acceptBy={order.accept_by} />}
          <AnswerForms order={order} onChange={onChange} />
        </>
      )}
      {order.order_status === "PREPARING" &&
        (order.ready_at === null ? (
          <ReadyButton order={order} onChange={onChange} />
        ) : (
          <p className="ready-note" data-testid="partner-order-ready">
            Food ready since {clockTime(order.ready_at)}
            {rider ? `: ${rider.rider_name} is on the way to pick it up.` : ": waiting for a rider."}
          </p>
        ))}
      {order.order_status === "OUT_FOR_DELIVERY" && (
        <p className="ready-note">Out for delivery{rider ? ` with ${rider.rider_name}` : ""}.</p>
      )}
    </article>
  );
}
