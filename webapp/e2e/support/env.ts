// Where the stack is: set by tests/e2e/runner.py (`nox -s e2e`).
export const env = {
  baseUrl: process.env.E2E_BASE_URL ?? "",
  controlUrl: process.env.E2E_CONTROL_URL ?? "",
  chromium: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
  artifacts: process.env.E2E_ARTIFACTS ?? new URL("../../artifacts/e2e", import.meta.url).pathname,
  partnerEmail: process.env.E2E_PARTNER_EMAIL ?? "partner@example.com",
  demoPassword: process.env.E2E_DEMO_PASSWORD ?? "",
  /** The demo riders' logins, "{pincode}" standing for their city's PIN code. */
  riderEmails: (process.env.E2E_RIDER_EMAILS ?? "rider1.{pincode}@example.com,rider2.{pincode}@example.com").split(","),
  /** How long a restaurant has to accept an order (FOOD_PARTNER_ACCEPT_S of the stack). */
  partnerAcceptS: Number(process.env.E2E_PARTNER_ACCEPT_S ?? "40"),
  /** Where the replicas' clock started (FOOD_CLOCK_START; it runs on at real speed). */
  clockStart: process.env.E2E_CLOCK_START ?? "",
};

/** Without a stack the suite is skipped locally, and fails in CI (it must never skip there). */
export const enabled = env.baseUrl !== "";
if (!enabled && process.env.CI) {
  throw new Error("E2E_BASE_URL is not set: run the suite through `nox -s e2e` (tests/e2e/runner.py)");
}
