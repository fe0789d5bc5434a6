// A fake `fetch` for component tests: routes by "METHOD /path" to canned answers.
import { vi } from "vitest";

export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = Response | (() => Response | Promise<Response>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return json({ type: `about:blank`, title: "x", status, detail: code, code, ...extra }, status);
}

/** Answers are used in order per route; the last one repeats. */
export function fakeFetch(routes: Record<string, Answer | Answer[]>) {
  const seen: Seen[] = [];
  const used = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init.method ?? "GET").toUpperCase();
    const route = `${method} ${url.pathname}`;
    seen.push({
      method,
      path: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    });
    const answers = routes[route];
    if (answers === undefined) return json({ code: "not_found", status: 404, detail: route }, 404);
    const list = Array.isArray(answers) ? answers : [answers];
    const index = Math.min(used.get(route) ?? 0, list.length - 1);
    used.set(route, index + 1);
    const answer = list[index]!;
    const response = typeof answer === "function" ? await answer() : answer.clone();
    return response;
  });
  vi.stubGlobal("fetch", fetchMock);
  return { fetchMock, seen, calls: (route: string) => seen.filter((s) => `${s.method} ${s.path.split("?")[0]}` === route) };
}
