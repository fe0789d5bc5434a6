// The customer's city, remembered in localStorage.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { City } from "../api/types";
import { readJson, writeJson } from "../lib/storage";

export const CITY_STORAGE_KEY = "food.city";

function isCity(value: unknown): value is City {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.pincode === "string" && typeof v.city_name === "string";
}

interface CityValue {
  city: City | null;
  setCity(city: City): void;
}

const CityContext = createContext<CityValue | null>(null);

export function CityProvider({ children }: { children: ReactNode }) {
  const [city, setState] = useState<City | null>(() =>
    readJson("local", CITY_STORAGE_KEY, isCity),
  );
  const setCity = useCallback((next: City) => {
    writeJson("local", CITY_STORAGE_KEY, { pincode: next.pincode, city_name: next.city_name });
    setState(next);
  }, []);
  const value = useMemo(() => ({ city, setCity }), [city, setCity]);
  return <CityContext.Provider value={value}>{children}</CityContext.Provider>;
}

export function useCity(): CityValue {
  const value = useContext(CityContext);
  if (!value) throw new Error("useCity outside CityProvider");
  return value;
}
