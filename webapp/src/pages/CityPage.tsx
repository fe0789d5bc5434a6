import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api/endpoints";
import type { City } from "../api/types";
import { EmptyState, ErrorBox, Skeleton } from "../components/Feedback";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useCity } from "../state/city";

export function CityPage() {
  useDocumentTitle("Choose your city");
  const { city, setCity } = useCity();
  const navigate = useNavigate();
  const [cities, setCities] = useState<City[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const found = await api.cities();
      setCities([...found.cities].sort((a, b) => a.city_name.localeCompare(b.city_name)));
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const choose = (chosen: City) => {
    setCity(chosen);
    navigate("/");
  };

  return (
    <section>
      <h1>Where should we deliver?</h1>
      <p className="lede">Pick your city to see restaurants that deliver there.</p>
      {error !== null && <ErrorBox error={error} onRetry={() => void load()} />}
      {cities === null && error === null && <Skeleton rows={3} label="Loading cities…" />}
      {cities?.length === 0 && <EmptyState title="We don't deliver anywhere yet." />}
      {cities && cities.length > 0 && (
        <ul className="city-grid">
          {cities.map((c) => (
            <li key={c.pincode}>
              <button
                type="button"
                className={c.pincode === city?.pincode ? "city-button selected" : "city-button"}
                aria-pressed={c.pincode === city?.pincode}
                onClick={() => choose(c)}
              >
                <span className="city-name">{c.city_name}</span>
                <span className="city-pin">PIN {c.pincode}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
