import { useEffect, useState } from "react";

/** The time now (ms since the epoch), re-read every `everyMs` while `enabled`, and at
 * once whenever `key` changes (a new ETA is read against the time it arrived). */
export function useNow(everyMs: number, enabled = true, key?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, enabled, key]);
  return now;
}
