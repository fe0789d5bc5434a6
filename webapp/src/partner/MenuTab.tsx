// The restaurant's dishes (GET /partner/menu, unavailable ones too): each one's
// availability as a switch, its price edited in place (PATCH /partner/menu/{food_id}).
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { api } from "../api/endpoints";
import { fieldMessage } from "../api/errors";
import { apiMessage } from "../api/problems";
import type { FoodItem } from "../api/types";
import { ErrorBox, Skeleton } from "../components/Feedback";
import { Field } from "../components/Field";
import { Money } from "../components/Money";
import { VegMark } from "../components/VegMark";

/** Rupees as typed ("120", "120.50") in paise, or what is wrong with them. */
export function parseRupees(text: string): number | string {
  const trimmed = text.trim().replace(/^₹\s*/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return "Enter a price in rupees, like 120 or 120.50.";
  const paise = Math.round(Number(trimmed) * 100);
  if (paise <= 0) return "A price must be more than ₹0.";
  return paise;
}

function DishRow({ dish, onChange }: { dish: FoodItem; onChange: (dish: FoodItem) => void }) {
  const [pending, setPending] = useState<"availability" | "price" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [price, setPrice] = useState("");
  const [priceError, setPriceError] = useState<string | null>(null);
  const errorId = useId();

  const toggle = async () => {
    if (pending) return;
    setPending("availability");
    setError(null);
    try {
      onChange(await api.editDish(dish.food_id, { availability: !dish.availability }));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const paise = parseRupees(price);
    setError(null);
    if (typeof paise === "string") {
      setPriceError(paise);
      return;
    }
    setPriceError(null);
    setPending("price");
    try {
      onChange(await api.editDish(dish.food_id, { price: paise }));
      setEditing(false);
    } catch (failure) {
      const field = fieldMessage(failure, "price");
      if (field) setPriceError(field);
      else setError(failure);
    } finally {
      setPending(null);
    }
  };

  return (
    <li className="menu-admin-row" data-food-id={dish.food_id}>
      <div className="menu-admin-dish">
        <span className="menu-admin-name">
          <VegMark veg={dish.is_veg} /> {dish.food_name}
        </span>
        <Money paise={dish.price} />
        {!dish.availability && <span className="tag tag-muted">Sold out</span>}
      </div>
      <div className="menu-admin-controls">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={dish.availability}
            disabled={pending !== null}
            onChange={() => void toggle()}
            aria-describedby={error !== null ? errorId : undefined}
          />
          <span className="visually-hidden">{dish.food_name}: </span>Available
        </label>
        {!editing ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setPrice((dish.price / 100).toFixed(2));
              setPriceError(null);
              setEditing(true);
            }}
          >
            Edit price<span className="visually-hidden"> of {dish.food_name}</span>
          </button>
        ) : (
          <form className="inline-form" aria-label={`Price of ${dish.food_name}`} onSubmit={(e) => void save(e)} noValidate>
            <Field
              label={`New price of ${dish.food_name} (₹)`}
              type="text"
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              error={priceError}
            />
            <div className="inline-actions">
              <button type="submit" className="button button-small" disabled={pending !== null}>
                {pending === "price" ? "Saving…" : "Save price"}
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {apiMessage(error)}
        </p>
      )}
    </li>
  );
}

export function MenuTab() {
  const [items, setItems] = useState<FoodItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await api.partnerMenu()).items);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const replace = useCallback((changed: FoodItem) => {
    setItems((current) => current?.map((d) => (d.food_id === changed.food_id ? changed : d)) ?? current);
  }, []);

  if (error !== null && items === null) return <ErrorBox message={apiMessage(error)} onRetry={() => void load()} />;
  if (items === null) return <Skeleton rows={3} label="Loading the menu…" />;

  const categories = [...new Set(items.map((d) => d.food_category))];
  return (
    <div className="menu-admin">
      <p className="muted">Changes reach customers' menus within a few seconds.</p>
      {categories.map((category) => (
        <section key={category} aria-label={category} className="panel">
          <h3>{category}</h3>
          <ul className="menu-admin-list">
            {items
              .filter((d) => d.food_category === category)
              .map((dish) => (
                <DishRow key={dish.food_id} dish={dish} onChange={replace} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
