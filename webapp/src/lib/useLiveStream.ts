// Something that changes on the server, followed live: a server-sent events stream, with
// polling as a fallback when the stream delivers nothing (a proxy that buffers it, no
// EventSource) or closes for good. The order page (GET /orders/{id}/events, `status`) and
// the partner console (GET /partner/events, `orders`) both follow theirs with it.
import { useEffect, useRef, useState } from "react";

/** live: events arrive; polling: the fallback is on; done: the value cannot change. */
export type LiveState = "connecting" | "live" | "polling" | "done";

export interface LiveOptions {
  /** Poll when the stream has sent nothing for this long after opening. */
  fallbackAfterMs: number;
  pollEveryMs: number;
}

export const LIVE_DEFAULTS: LiveOptions = { fallbackAfterMs: 4_000, pollEveryMs: 3_000 };

export interface LiveStream<T> {
  url: string;
  /** The SSE event's name whose data is the value as JSON. */
  event: string;
  enabled: boolean;
  onValue: (value: T) => void;
  fetchValue: () => Promise<T>;
  /** A value after which nothing changes: the stream is closed. */
  isFinal?: (value: T) => boolean;
  options?: LiveOptions;
}

export function useLiveStream<T>({
  url,
  event,
  enabled,
  onValue,
  fetchValue,
  isFinal,
  options = LIVE_DEFAULTS,
}: LiveStream<T>): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const callbacks = useRef({ onValue, fetchValue, isFinal });
  callbacks.current = { onValue, fetchValue, isFinal };

  useEffect(() => {
    if (!enabled) {
      setState("done");
      return undefined;
    }
    setState("connecting");
    let stopped = false;
    let gotEvent = false;
    let pollTimer: ReturnType<typeof setInterval> | null = null;
    let source: EventSource | null = null;

    const stopPolling = () => {
      if (pollTimer !== null) clearInterval(pollTimer);
      pollTimer = null;
    };
    const finish = () => {
      stopped = true;
      source?.close();
      stopPolling();
      setState("done");
    };
    const deliver = (value: T) => {
      if (stopped) return;
      callbacks.current.onValue(value);
      if (callbacks.current.isFinal?.(value)) finish();
    };
    const startPolling = () => {
      if (stopped || pollTimer !== null) return;
      setState("polling");
      pollTimer = setInterval(() => {
        callbacks.current.fetchValue().then(deliver, () => undefined);
      }, options.pollEveryMs);
    };

    if (typeof EventSource === "undefined") {
      startPolling();
    } else {
      // Same origin: the session cookie goes along. EventSource reconnects by itself
      // (the API says `retry: 3000`), also when a replica goes away mid-stream or the
      // stream reaches its time limit.
      source = new EventSource(url);
      source.addEventListener(event, (message) => {
        let value: T;
        try {
          value = JSON.parse((message as MessageEvent<string>).data) as T;
        } catch {
          return; // a malformed event is skipped; the next one carries the whole value again
        }
        gotEvent = true;
        stopPolling();
        if (!stopped) setState("live");
        deliver(value);
      });
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) startPolling();
      };
    }
    const fallback = setTimeout(() => {
      if (!gotEvent) startPolling();
    }, options.fallbackAfterMs);

    return () => {
      stopped = true;
      clearTimeout(fallback);
      stopPolling();
      source?.close();
    };
  }, [url, event, enabled, options.fallbackAfterMs, options.pollEveryMs]);

  return state;
}
