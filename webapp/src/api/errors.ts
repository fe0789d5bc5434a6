// What can go wrong talking to the API: a problem document, or no answer at all.
import type { FieldError } from "./types";

/** The API (or Traefik in front of it) answered with an error status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: readonly FieldError[];
  readonly failureCode: string | null;
  /** Seconds from a Retry-After header, when there was one. */
  readonly retryAfter: number | null;
  /** The problem document's members beyond the standard ones (`changes`, `opens_at`…). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    fieldErrors?: readonly FieldError[];
    failureCode?: string | null;
    retryAfter?: number | null;
    extra?: Readonly<Record<string, unknown>>;
  }) {
    super(`${init.status} ${init.code}: ${init.detail}`);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.failureCode = init.failureCode || null;
    this.retryAfter = init.retryAfter ?? null;
    this.extra = init.extra ?? {};
  }
}

/** No answer: the server is unreachable, or the connection dropped (fetch threw). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super("the server could not be reached", { cause });
    this.name = "NetworkError";
  }
}

const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** No definite answer: sending the same request again (same Idempotency-Key) is safe. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof ApiError)) return false;
  return (
    GATEWAY_STATUSES.has(error.status) ||
    error.code === "request_in_progress" ||
    error.code === "rate_limited" // Traefik's limiter: the request never reached the API
  );
}

export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    (error instanceof ApiError &&
      GATEWAY_STATUSES.has(error.status) &&
      error.code !== "payment_unavailable")
  );
}

/** The API's message for one field, if it named that field. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldErrors.find((e) => e.field === field)?.message;
}
