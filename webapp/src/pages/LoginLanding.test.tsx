import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json, problem } from "../test/fetch";
import { partnerUser, riderJobOf, riderUser } from "../test/fixtures";
import { renderApp } from "../test/render";
import { landingFor } from "./LoginPage";

afterEach(() => vi.unstubAllGlobals());

describe("where an account lands after signing in", () => {
  test("customers go where they were going; partners to the console; riders to the job", () => {
    expect(landingFor("CUSTOMER", "/cart")).toBe("/cart");
    expect(landingFor("PARTNER", "/")).toBe("/partner");
    expect(landingFor("PARTNER", "/cart")).toBe("/partner");
    expect(landingFor("RIDER", "/")).toBe("/rider");
  });

  test.each([
    { role: "PARTNER", who: partnerUser, path: "/partner" },
    { role: "RIDER", who: riderUser, path: "/rider" },
  ])("signing in as a $role opens $path", async ({ who, path }) => {
    vi.stubGlobal("EventSource", undefined);
    fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      "POST /api/v1/auth/login": json({ user: who }),
      "GET /api/v1/partner/orders": json({ orders: [] }),
      "GET /api/v1/partner/today": json({ orders: 0, delivered: 0, cancelled: 0, takings: 0, currency: "INR", since: "2026-01-01T00:00:00+05:30" }),
      "GET /api/v1/rider/job": json(riderJobOf(null)),
    });
    const app = renderApp("/login");
    await screen.findByRole("heading", { name: "Sign in" });
    await app.user.type(screen.getByLabelText("Email"), who.email);
    await app.user.type(screen.getByLabelText("Password"), "a password");
    await app.user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(app.location()).toBe(path));
  });
});
