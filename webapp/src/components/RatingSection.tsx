// Rating a delivered order: 1 to 5 stars and an optional review, once; then the rating as
// given, which can be changed until its `editable_until` (the API refuses after that).
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { api } from "../api/endpoints";
import { ApiError } from "../api/errors";
import { fieldErrors, sentence } from "../api/problems";
import type { OrderRating } from "../api/types";
import { ErrorBox, Notice, Skeleton } from "./Feedback";

export const MAX_REVIEW = 500;
const STARS = [1, 2, 3, 4, 5] as const;
const when = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short" });

export function starsText(stars: number): string {
  return `${stars} ${stars === 1 ? "star" : "stars"}`;
}

/** A review as the API takes it: no control characters but line breaks (a pasted tab
 * becomes a space), and no space around it. */
export function cleanReview(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").trim();
}

/** Whether the rating can still be changed, by this device's clock. */
export function isEditable(rating: OrderRating, now = Date.now()): boolean {
  return now < new Date(rating.editable_until).getTime();
}

type Loaded = { state: "loading" } | { state: "failed"; error: unknown } | { state: "ready"; rating: OrderRating | null };

export function RatingSection({ orderId, restaurantName }: { orderId: number; restaurantName: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoaded({ state: "loading" });
    try {
      setLoaded({ state: "ready", rating: await api.rating(orderId) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setLoaded({ state: "ready", rating: null });
      else setLoaded({ state: "failed", error });
    }
  }, [orderId]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (rating: OrderRating, message: string) => {
    setLoaded({ state: "ready", rating });
    setEditing(false);
    setNotice(message);
  };
  // Rated meanwhile (another tab), or no longer editable: show the rating as it stands.
  const stale = (message: string) => {
    setEditing(false);
    setNotice(message);
    void load();
  };

  return (
    <section className="panel rating-panel" aria-labelledby="rating-heading">
      <h2 id="rating-heading">Your rating</h2>
      {notice && <Notice tone="success">{notice}</Notice>}
      {loaded.state === "loading" && <Skeleton rows={1} label="Loading your rating…" />}
      {loaded.state === "failed" && <ErrorBox error={loaded.error} onRetry={() => void load()} />}
      {loaded.state === "ready" && loaded.rating === null && (
        <>
          <p>How was your food from {restaurantName}?</p>
          <RatingForm
            orderId={orderId}
            submitLabel="Submit rating"
            onSaved={(rating) => done(rating, "Thanks for rating your order!")}
            onStale={stale}
          />
        </>
      )}
      {loaded.state === "ready" && loaded.rating !== null && !editing && (
        <GivenRating rating={loaded.rating} onEdit={() => { setNotice(null); setEditing(true); }} />
      )}
      {loaded.state === "ready" && loaded.rating !== null && editing && (
        <RatingForm
          orderId={orderId}
          initial={loaded.rating}
          submitLabel="Save rating"
          onSaved={(rating) => done(rating, "Your rating is updated.")}
          onStale={stale}
          onCancel={() => setEditing(false)}
        />
      )}
    </section>
  );
}

function GivenRating({ rating, onEdit }: { rating: OrderRating; onEdit(): void }) {
  const editable = isEditable(rating);
  return (
    <div data-testid="my-rating">
      <p className="given-stars">
        <span aria-hidden="true" className="stars">
          {"★".repeat(rating.stars)}
          <span className="stars-off">{"★".repeat(5 - rating.stars)}</span>
        </span>{" "}
        You rated it {rating.stars} out of 5
      </p>
      {rating.review && <p className="review">{rating.review}</p>}
      {editable ? (
        <>
          <p className="muted">You can change it until {when.format(new Date(rating.editable_until))}.</p>
          <button type="button" className="button button-secondary" onClick={onEdit}>
            Edit rating
          </button>
        </>
      ) : (
        <p className="muted">Ratings can be changed for 24 hours after they are given.</p>
      )}
    </div>
  );
}

interface FormProps {
  orderId: number;
  initial?: OrderRating;
  submitLabel: string;
  onSaved(rating: OrderRating): void;
  onStale(message: string): void;
  onCancel?(): void;
}

function RatingForm({ orderId, initial, submitLabel, onSaved, onStale, onCancel }: FormProps) {
  const [stars, setStars] = useState<number | null>(initial?.stars ?? null);
  const [review, setReview] = useState(initial?.review ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const id = useId();
  const byField = fieldErrors(error);
  const starsError = missing ? "Choose from 1 to 5 stars." : byField.stars ? sentence(byField.stars) : null;
  const reviewError = byField.review ? sentence(byField.review) : null;
  const general = error !== null && !byField.stars && !byField.review ? error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (stars === null) {
      setMissing(true);
      document.getElementById(`${id}-star-5`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const body = { stars, review: cleanReview(review) };
    try {
      onSaved(initial ? await api.editRating(orderId, body) : await api.rateOrder(orderId, body));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "already_rated") {
        onStale("You had rated this order already. Here is that rating.");
      } else if (failure instanceof ApiError && failure.code === "rating_locked") {
        onStale("This rating can't be changed any more: ratings can be changed for 24 hours.");
      } else {
        setError(failure);
        setBusy(false);
      }
    }
  };

  return (
    <form className="rating-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Rate this order">
      <fieldset
        className="star-picker"
        aria-describedby={starsError ? `${id}-stars-error` : undefined}
        aria-invalid={starsError ? true : undefined}
      >
        <legend>Stars</legend>
        <div className="stars-row">
          {STARS.map((n) => (
            <label key={n} className={stars !== null && n <= stars ? "star star-on" : "star"}>
              <input
                id={`${id}-star-${n}`}
                type="radio"
                name={`${id}-stars`}
                value={n}
                checked={stars === n}
                onChange={() => {
                  setStars(n);
                  setMissing(false);
                }}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{starsText(n)}</span>
            </label>
          ))}
        </div>
        {starsError && (
          <p id={`${id}-stars-error`} className="field-error">
            {starsError}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-review`}>Review (optional)</label>
        <textarea
          id={`${id}-review`}
          rows={4}
          maxLength={MAX_REVIEW}
          value={review}
          onChange={(e) => setReview(e.target.value)}
          aria-describedby={`${id}-review-hint${reviewError ? ` ${id}-review-error` : ""}`}
          aria-invalid={reviewError ? true : undefined}
        />
        <p id={`${id}-review-hint`} className="field-hint">
          {review.length} / {MAX_REVIEW} characters
        </p>
        {reviewError && (
          <p id={`${id}-review-error`} className="field-error">
            {reviewError}
          </p>
        )}
      </div>
      {general !== null && <ErrorBox error={general} />}
      <div className="actions">
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
