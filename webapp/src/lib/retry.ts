// Bounded retries with exponential backoff, for requests that got no definite answer.
import { ApiError, isRetryable } from "../api/errors";

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

export const CHECKOUT_RETRIES: RetryPolicy = { attempts: 6, baseMs: 500, maxMs: 5_000 };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelay(policy: RetryPolicy, retry: number, error: unknown): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  const asked = error instanceof ApiError && error.retryAfter !== null ? error.retryAfter * 1000 : 0;
  return Math.min(policy.maxMs, Math.max(exponential, asked));
}

/** Run `task` until it succeeds, fails definitely, or the tries are spent. */
export async function withRetries<T>(task: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const wait = policy.sleep ?? sleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.attempts) throw error;
      const delay = backoffDelay(policy, attempt - 1, error);
      policy.onRetry?.(attempt, error, delay);
      await wait(delay);
    }
  }
}
