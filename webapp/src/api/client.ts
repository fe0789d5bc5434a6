// A small fetch wrapper typed by the generated OpenAPI `paths`: the path, its parameters,
// the request body and the success body all come from schema.d.ts, so an API change that
// breaks the app breaks the type check.
//
// Sessions ride on the HttpOnly `food_session` cookie (credentials: "same-origin"); unsafe
// methods echo the `food_csrf` cookie in X-CSRF-Token.
import { ApiError, NetworkError } from "./errors";
import { CSRF_HEADER, csrfToken } from "./csrf";
import type { paths } from "./schema";
import type { Problem } from "./types";

export type Method = "get" | "post" | "put" | "patch" | "delete";

type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];

type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : undefined;

export type SuccessOf<O> = O extends { responses: infer R }
  ? 200 extends keyof R
    ? JsonOf<R[200]>
    : 201 extends keyof R
      ? JsonOf<R[201]>
      : undefined
  : never;

type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer B } } }
  ? B
  : O extends { requestBody?: { content: { "application/json": infer B } } }
    ? B
    : never;

type PathParamsOf<O> = O extends { parameters: { path: infer Q } } ? Q : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

export interface CallOptions<O> {
  params?: PathParamsOf<O>;
  query?: QueryOf<O>;
  body?: BodyOf<O>;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

type Listener = () => void;
const sessionListeners = new Set<Listener>();

/** Called when the API says the session is gone (401 unauthenticated, 403 csrf_failed). */
export function onSessionExpired(listener: Listener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function buildUrl(
  path: string,
  params?: Record<string, string | number>,
  query?: Record<string, string | number | boolean | null | undefined>,
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

function fallbackCode(status: number): string {
  if (status === 401) return "unauthenticated";
  if (status === 404) return "not_found";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "rate_limited";
  if (status === 502 || status === 503 || status === 504) return "service_unavailable";
  return status >= 500 ? "internal_error" : "http_error";
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get("Retry-After");
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

// The members every problem document has; anything else is the code's own detail.
const PROBLEM_MEMBERS = new Set(["type", "title", "status", "detail", "code", "errors", "failure_code"]);

export async function problemFrom(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const parsed: unknown = await response.json();
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        problem = parsed as Partial<Problem>;
      }
    } catch {
      problem = {};
    }
  }
  const extra = Object.fromEntries(Object.entries(problem).filter(([key]) => !PROBLEM_MEMBERS.has(key)));
  return new ApiError({
    status: response.status,
    code: problem.code || fallbackCode(response.status),
    detail: problem.detail || response.statusText || `HTTP ${response.status}`,
    fieldErrors: problem.errors ?? [],
    failureCode: problem.failure_code ?? null,
    retryAfter: retryAfterSeconds(response),
    extra,
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** The success body and the response's headers (for `Idempotent-Replayed`). */
export interface Answer<T> {
  data: T;
  headers: Headers;
}

export async function call<M extends Method, P extends PathsWith<M>>(
  method: M,
  path: P,
  options: CallOptions<Op<P, M>> = {},
): Promise<SuccessOf<Op<P, M>>> {
  return (await callWithHeaders(method, path, options)).data;
}

export async function callWithHeaders<M extends Method, P extends PathsWith<M>>(
  method: M,
  path: P,
  options: CallOptions<Op<P, M>> = {},
): Promise<Answer<SuccessOf<Op<P, M>>>> {
  const url = buildUrl(
    path,
    options.params as Record<string, string | number> | undefined,
    options.query as Record<string, string | number | boolean> | undefined,
  );
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (method !== "get") {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: method.toUpperCase(),
      headers,
      body,
      credentials: "same-origin",
      cache: "no-store",
      signal: options.signal,
    });
    if (!response.ok) throw await problemFrom(response);
    text = response.status === 204 ? "" : await response.text();
  } catch (error) {
    if (error instanceof ApiError) {
      if (
        (error.status === 401 && error.code === "unauthenticated") ||
        error.code === "csrf_failed"
      ) {
        sessionListeners.forEach((listener) => listener());
      }
      throw error;
    }
    if (isAbort(error)) throw error;
    throw new NetworkError(error);
  }
  return {
    data: (text ? JSON.parse(text) : undefined) as SuccessOf<Op<P, M>>,
    headers: response.headers,
  };
}
