// The rider's view (/rider): the job in hand (GET /rider/job, read every few seconds),
// where to pick it up and drop it, what it holds; "Picked up", then "Delivered" (a cash
// order once its cash is collected).
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { api } from "../api/endpoints";
import { apiMessage } from "../api/problems";
import type { RiderJob, RiderOrder } from "../api/types";
import { formatAddress } from "../checkout/AddressSection";
import { EmptyState, ErrorBox, Notice, Skeleton } from "../components/Feedback";
import { Money } from "../components/Money";
import { etaText } from "../lib/time";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useNow } from "../lib/useNow";

export const JOB_POLL_MS = 4_000;

const STEP_TEXT: Record<RiderOrder["delivery_status"], string> = {
  PENDING: "Waiting",
  ASSIGNED: "Go to the restaurant",
  PICKED_UP: "On the way to the customer",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

function Job({ job, onJob }: { job: RiderOrder; onJob: (job: RiderJob, done?: number) => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cash, setCash] = useState(false);
  const [cashError, setCashError] = useState<string | null>(null);
  const now = useNow(15_000, job.eta !== null, job.eta);
  const errorId = useId();
  const cashErrorId = useId();
  const cod = job.cash_to_collect > 0;

  const act = async (action: () => Promise<RiderJob>, done?: number) => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      onJob(await action(), done);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const deliver = (event: FormEvent) => {
    event.preventDefault();
    if (cod && !cash) {
      setCashError("Confirm that you collected the cash first.");
      return;
    }
    setCashError(null);
    void act(() => api.delivered(job.order_id, cod), job.order_id);
  };

  return (
    <article className="panel rider-job" aria-labelledby="job-heading">
      <h2 id="job-heading">Order #{job.order_id}</h2>
      <p className="status-line" data-testid="rider-step">
        <span className="status">{STEP_TEXT[job.delivery_status]}</span>
      </p>
      <dl className="details">
        <dt>Pick up from</dt>
        <dd>{job.restaurant.restaurant_name}</dd>
        <dt>Deliver to</dt>
        <dd data-testid="rider-drop">
          {job.delivery_address.label}: {formatAddress(job.delivery_address)}
        </dd>
        {job.eta !== null && (
          <>
            <dt>Deliver by</dt>
            <dd data-testid="rider-eta">{etaText(job.eta, now)}</dd>
          </>
        )}
        <dt>Payment</dt>
        <dd>
          {cod ? (
            <>
              Cash on delivery: collect <Money paise={job.cash_to_collect} />
            </>
          ) : (
            "Paid online: nothing to collect"
          )}
        </dd>
      </dl>
      <h3>Items</h3>
      <ul className="summary-lines" data-testid="rider-items">
        {job.items.map((item, index) => (
          <li key={index}>
            {item.quantity} × {item.label}
          </li>
        ))}
      </ul>

      {job.delivery_status === "ASSIGNED" && (
        <div className="inline-form">
          <p className="muted" data-testid="rider-ready">
            {job.ready_at ? "The food is ready." : "The kitchen is still preparing it."}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => void act(() => api.pickedUp(job.order_id))}
            disabled={pending}
            aria-describedby={error !== null ? errorId : undefined}
          >
            {pending ? "Saving…" : "Picked up"}
          </button>
        </div>
      )}
      {job.delivery_status === "PICKED_UP" && (
        <form className="inline-form" aria-label={`Deliver order #${job.order_id}`} onSubmit={deliver} noValidate>
          {cod && (
            <div className="field field-check">
              <label>
                <input
                  type="checkbox"
                  checked={cash}
                  onChange={(e) => setCash(e.target.checked)}
                  aria-invalid={cashError ? true : undefined}
                  aria-describedby={cashError ? cashErrorId : undefined}
                />{" "}
                Cash collected (<Money paise={job.cash_to_collect} />)
              </label>
              {cashError && (
                <p id={cashErrorId} className="field-error">
                  {cashError}
                </p>
              )}
            </div>
          )}
          <button
            type="submit"
            className="button"
            disabled={pending}
            aria-describedby={error !== null ? errorId : undefined}
          >
            {pending ? "Saving…" : "Delivered"}
          </button>
        </form>
      )}
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {apiMessage(error)}
        </p>
      )}
    </article>
  );
}

export function RiderPage({ pollEveryMs = JOB_POLL_MS }: { pollEveryMs?: number }) {
  useDocumentTitle("Your job");
  const [job, setJob] = useState<RiderJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [delivered, setDelivered] = useState<number | null>(null);
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      setJob(await api.riderJob());
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), pollEveryMs);
    return () => clearInterval(timer);
  }, [load, pollEveryMs]);

  const onJob = useCallback((next: RiderJob, done?: number) => {
    setJob(next);
    if (done !== undefined) setDelivered(done);
  }, []);

  return (
    <section className="rider">
      <h1>Your job</h1>
      {job && <p className="muted">Signed in as {job.rider_name}</p>}
      {delivered !== null && <Notice tone="success">Order #{delivered} delivered. Thank you!</Notice>}
      {error !== null && (
        <ErrorBox message={apiMessage(error)} onRetry={() => void load()} />
      )}
      {job === null ? (
        error === null && <Skeleton rows={2} label="Looking for your job…" />
      ) : job.order === null ? (
        <EmptyState title="No job — waiting for an order">
          <p className="muted">A new order shows here as soon as it is yours.</p>
        </EmptyState>
      ) : (
        <Job key={job.order.order_id} job={job.order} onJob={onJob} />
      )}
    </section>
  );
}
