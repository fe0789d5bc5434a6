import { defineConfig } from "vitest/config";

// The end-to-end suite: headless Chromium (playwright-core) against the real stack.
// Started by `nox -s e2e` (tests/e2e/runner.py), which sets E2E_BASE_URL and friends.
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["verbose"],
    pool: "forks",
  },
});
