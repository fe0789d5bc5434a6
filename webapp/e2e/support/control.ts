// The runner's control endpoint (tests/e2e/control.py): replica pids, SIGKILL, wait; and
// the store behind the app's back (a dish's price).
import { env } from "./env";

export interface ReplicaInfo {
  name: string;
  pid: number | null;
  running: boolean;
  url: string | null;
}

async function control<T>(method: "GET" | "POST", path: string, send?: unknown): Promise<T> {
  const response = await fetch(env.controlUrl + path, {
    method,
    headers: send === undefined ? undefined : { "Content-Type": "application/json" },
    body: send === undefined ? undefined : JSON.stringify(send),
  });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export async function replicas(): Promise<ReplicaInfo[]> {
  return (await control<{ replicas: ReplicaInfo[] }>("GET", "/replicas")).replicas;
}

/** SIGKILL; the supervisor restarts it. `hold`: it stays down (and out of Traefik) until restarted. */
export async function killReplica(index: 0 | 1, hold = false): Promise<number> {
  const path = `/replicas/${index}/kill${hold ? "?hold=1" : ""}`;
  return (await control<{ killed: number }>("POST", path)).killed;
}

/** Start a held-down replica again (answers at once; it starts in the background). */
export async function restartReplica(index: 0 | 1): Promise<void> {
  await control("POST", `/replicas/${index}/restart`);
}

/** Until both replicas run and Traefik has them in rotation again. */
export async function waitForReplicas(): Promise<void> {
  await control("POST", "/replicas/wait");
}

export interface Repriced {
  food_id: number;
  old_price: number;
  price: number;
  /** Seconds waited for the replicas' catalog caches (FOOD_CATALOG_CACHE_S) to expire. */
  waited_s: number;
}

/** The restaurant reprices a dish (paise), written to the stack's store. Answers once every
 * read of the API shows it: carts and orders at once, cached menus and searches after the
 * cache's lifetime, which the control endpoint waits out. */
export async function setPrice(foodId: number, price: number): Promise<Repriced> {
  return control<Repriced>("POST", "/catalog/price", { food_id: foodId, price });
}

export interface Availability {
  food_id: number;
  old_availability: boolean;
  availability: boolean;
  waited_s: number;
}

/** The restaurant takes a dish off the menu (false) or puts it back (true), in the stack's
 * store; answered, as setPrice, once no cached menu shows it as it was. */
export async function setAvailability(foodId: number, availability: boolean): Promise<Availability> {
  return control<Availability>("POST", "/catalog/availability", { food_id: foodId, availability });
}
