import { screen } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json, problem } from "../test/fetch";
import { cartOf, restaurant, user } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

describe("the session", () => {
  test("an expired session sends the customer to the login page, then back", async () => {
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(cartOf([])),
      "GET /api/v1/restaurants/1": json(restaurant),
      "PUT /api/v1/cart/items/11": problem(401, "unauthenticated"),
      "POST /api/v1/auth/login": json({ user }), // the cookie is the session: no token
    });
    const app = renderApp("/restaurants/1");
    await app.user.click(await screen.findByRole("button", { name: "Add Masala Dosa" }));
    await screen.findByRole("heading", { name: "Sign in" });
    expect(screen.getByText("Your session has expired. Please sign in again.")).toBeInTheDocument();
    expect(app.location()).toBe("/login?next=%2Frestaurants%2F1&expired=1");

    await app.user.type(screen.getByLabelText("Email"), user.email);
    await app.user.type(screen.getByLabelText("Password"), "a long password");
    await app.user.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByRole("heading", { name: "Dosa Corner" });
    expect(app.location()).toBe("/restaurants/1");
  });

  test("signed-in pages send a visitor to sign in first", async () => {
    fakeFetch({ "GET /api/v1/me": problem(401, "unauthenticated") });
    const app = renderApp("/orders");
    await screen.findByRole("heading", { name: "Sign in" });
    expect(app.location()).toBe("/login?next=%2Forders");
    expect(screen.queryByText(/session has expired/)).not.toBeInTheDocument();
  });

  test("signing up shows the API's field messages", async () => {
    const fake = fakeFetch({
      "GET /api/v1/me": problem(401, "unauthenticated"),
      "POST /api/v1/auth/signup": problem(422, "validation_failed", {
        errors: [{ field: "phone", message: "must be a 10-digit Indian mobile number" }],
      }),
    });
    const app = renderApp("/signup");
    await app.user.type(await screen.findByLabelText("Full name"), "Asha");
    await app.user.type(screen.getByLabelText("Email"), "asha@example.com");
    await app.user.type(screen.getByLabelText("Mobile number"), "98765 43210");
    await app.user.type(screen.getByLabelText("Password"), "a long password");
    await app.user.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByText("must be a 10-digit Indian mobile number")).toBeInTheDocument();
    expect(screen.getByLabelText("Mobile number")).toHaveAttribute("aria-invalid", "true");
    expect(fake.calls("POST /api/v1/auth/signup")[0]!.body).toMatchObject({ phone: "9876543210" });
  });

  test("an unreachable server at start says so, with a retry", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    renderApp("/orders");
    expect(await screen.findByText(/can't reach the server/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
