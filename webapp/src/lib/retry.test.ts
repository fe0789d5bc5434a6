import { describe, expect, test, vi } from "vitest";
import { ApiError, NetworkError } from "../api/errors";
import { backoffDelay, withRetries } from "./retry";

const policy = { attempts: 4, baseMs: 100, maxMs: 1_000 };

describe("withRetries", () => {
  test("retries what got no answer, with growing delays, up to the bound", async () => {
    const delays: number[] = [];
    const task = vi.fn(async () => {
      throw new NetworkError();
    });
    await expect(
      withRetries(task, { ...policy, sleep: async (ms) => void delays.push(ms) }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(task).toHaveBeenCalledTimes(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  test("a definite answer is not retried", async () => {
    const declined = new ApiError({ status: 402, code: "payment_declined", detail: "no" });
    const task = vi.fn(async () => {
      throw declined;
    });
    await expect(withRetries(task, { ...policy, sleep: async () => {} })).rejects.toBe(declined);
    expect(task).toHaveBeenCalledTimes(1);
  });

  test("gateway errors and request_in_progress are retried until success", async () => {
    const task = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError({ status: 502, code: "service_unavailable", detail: "" }))
      .mockRejectedValueOnce(new ApiError({ status: 409, code: "request_in_progress", detail: "" }))
      .mockResolvedValueOnce("done");
    await expect(withRetries(task, { ...policy, sleep: async () => {} })).resolves.toBe("done");
    expect(task).toHaveBeenCalledTimes(3);
  });

  test("Retry-After is honoured up to the cap", () => {
    const later = new ApiError({ status: 503, code: "payment_unavailable", detail: "", retryAfter: 5 });
    expect(backoffDelay(policy, 0, later)).toBe(1_000);
    expect(backoffDelay({ ...policy, maxMs: 10_000 }, 0, later)).toBe(5_000);
    expect(backoffDelay(policy, 10, new NetworkError())).toBe(1_000);
  });
});
