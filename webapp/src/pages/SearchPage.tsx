// Restaurants in the chosen city: debounced text search (names, cuisines and dishes),
// filters (cost for two among them), sort, "more results".
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Navigate, useSearchParams } from "react-router";
import { type SearchParams, api } from "../api/endpoints";
import type { RestaurantHit } from "../api/types";
import { EmptyState, ErrorBox, Skeleton } from "../components/Feedback";
import { RestaurantCard } from "../components/RestaurantCard";
import { formatShortPaise } from "../lib/money";
import { useDebounced } from "../lib/useDebounced";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useCity } from "../state/city";

export const SEARCH_DEBOUNCE_MS = 300;
export const PAGE_SIZE = 6;
type Sort = NonNullable<SearchParams["sort"]>;
const SORTS: ReadonlyArray<readonly [Sort, string]> = [
  ["rating", "Rating"],
  ["delivery_time", "Delivery time"],
  ["cost", "Cost: low to high"],
  ["name", "Name"],
];
const RATINGS = ["", "3.5", "4", "4.5"] as const;
/** The cost-for-two ceilings offered, in rupees (the URL's `max_cost`); the API takes paise. */
export const MAX_COSTS = [300, 500, 800, 1200] as const;

/** `max_cost` from the URL (whole rupees) as paise, or undefined when absent or not a number. */
export function maxCostOf(raw: string | null): number | undefined {
  if (!raw || !/^\d{1,6}$/.test(raw)) return undefined;
  return Number(raw) * 100;
}

function useCuisines(pincode: string | undefined): string[] {
  const [cuisines, setCuisines] = useState<string[]>([]);
  useEffect(() => {
    if (!pincode) return;
    let live = true;
    api
      .searchRestaurants(pincode, { limit: 50 })
      .then((page) => {
        const all = new Set(page.restaurants.flatMap((r) => r.cuisines));
        if (live) setCuisines([...all].sort());
      })
      .catch(() => undefined); // the filter just offers fewer choices
    return () => {
      live = false;
    };
  }, [pincode]);
  return cuisines;
}

export function SearchPage() {
  const { city } = useCity();
  useDocumentTitle(city ? `Restaurants in ${city.city_name}` : "Restaurants");
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const debounced = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const cuisines = useCuisines(city?.pincode);
  const ids = { q: useId(), cuisine: useId(), rating: useId(), cost: useId(), sort: useId() };

  const query: SearchParams = {
    q: params.get("q") ?? undefined,
    cuisine: params.get("cuisine") ?? undefined,
    veg: params.get("veg") === "1",
    open_now: params.get("open") === "1",
    min_rating: params.get("min_rating") ? Number(params.get("min_rating")) : undefined,
    max_cost_for_two: maxCostOf(params.get("max_cost")),
    sort: (params.get("sort") as Sort | null) ?? "rating",
    limit: PAGE_SIZE,
  };
  const key = JSON.stringify([city?.pincode, query]);

  const update = useCallback(
    (name: string, value: string | null) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  useEffect(() => {
    if ((params.get("q") ?? "") !== debounced) update("q", debounced || null);
    // Only when the typed text settles.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const [restaurants, setRestaurants] = useState<RestaurantHit[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!city) return undefined;
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setRestaurants(null);
    setError(null);
    api
      .searchRestaurants(city.pincode, query, controller.signal)
      .then((page) => {
        setRestaurants(page.restaurants);
        setCursor(page.next_cursor);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      });
    return () => controller.abort();
    // `key` stands for the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const more = async () => {
    if (!city || !cursor) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await api.searchRestaurants(city.pincode, { ...query, cursor });
      setRestaurants((current) => [...(current ?? []), ...page.restaurants]);
      setCursor(page.next_cursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoadingMore(false);
    }
  };

  if (!city) return <Navigate to="/city" replace />;
  const filtered = Boolean(
    query.q || query.cuisine || query.veg || query.open_now || query.min_rating || query.max_cost_for_two !== undefined,
  );

  return (
    <section>
      <h1>Restaurants in {city.city_name}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field filter-text">
          <label htmlFor={ids.q}>Search</label>
          <input
            id={ids.q}
            type="search"
            placeholder="Dish, restaurant or cuisine"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={100}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.cuisine}>Cuisine</label>
          <select
            id={ids.cuisine}
            value={query.cuisine ?? ""}
            onChange={(e) => update("cuisine", e.target.value || null)}
          >
            <option value="">All cuisines</option>
            {[...new Set([...cuisines, ...(query.cuisine ? [query.cuisine] : [])])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.rating}>Rating</label>
          <select
            id={ids.rating}
            value={params.get("min_rating") ?? ""}
            onChange={(e) => update("min_rating", e.target.value || null)}
          >
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {r ? `${r}★ and up` : "Any rating"}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.cost}>Cost for two</label>
          <select
            id={ids.cost}
            value={query.max_cost_for_two === undefined ? "" : String(query.max_cost_for_two / 100)}
            onChange={(e) => update("max_cost", e.target.value || null)}
          >
            <option value="">Any cost</option>
            {[...new Set([...MAX_COSTS, ...(query.max_cost_for_two === undefined ? [] : [query.max_cost_for_two / 100])])]
              .sort((a, b) => a - b)
              .map((rupees) => (
                <option key={rupees} value={String(rupees)}>
                  Up to {formatShortPaise(rupees * 100)}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sort}>Sort by</label>
          <select id={ids.sort} value={query.sort} onChange={(e) => update("sort", e.target.value)}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label className="check filter-veg">
          <input
            type="checkbox"
            checked={query.veg ?? false}
            onChange={(e) => update("veg", e.target.checked ? "1" : null)}
          />
          Pure veg only
        </label>
        <label className="check filter-open">
          <input
            type="checkbox"
            checked={query.open_now ?? false}
            onChange={(e) => update("open", e.target.checked ? "1" : null)}
          />
          Open now
        </label>
      </form>

      {error !== null && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {restaurants === null && error === null && <Skeleton rows={4} label="Finding restaurants…" />}
      {restaurants?.length === 0 && (
        <EmptyState title="No restaurants match.">
          {filtered ? (
            <button type="button" className="button button-secondary" onClick={() => { setText(""); setParams({}, { replace: true }); }}>
              Clear search and filters
            </button>
          ) : (
            <p>No restaurant delivers in {city.city_name} yet.</p>
          )}
        </EmptyState>
      )}
      {restaurants && restaurants.length > 0 && (
        <>
          <p className="result-count" role="status">
            {restaurants.length} {restaurants.length === 1 ? "restaurant" : "restaurants"}
            {cursor ? " so far" : ""}
          </p>
          <ul className="card-grid">
            {restaurants.map((r) => (
              <li key={r.restaurant_id}>
                <RestaurantCard restaurant={r} />
              </li>
            ))}
          </ul>
          {cursor && (
            <div className="more">
              <button type="button" className="button button-secondary" onClick={() => void more()} disabled={loadingMore}>
                {loadingMore ? "Loading…" : "More results"}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
