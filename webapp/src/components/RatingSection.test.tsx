import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { OrderRating } from "../api/types";
import { seriousFindings } from "../test/axe";
import { fakeFetch, json, problem } from "../test/fetch";
import { cartOf, order, user } from "../test/fixtures";
import { renderApp } from "../test/render";
import { cleanReview, isEditable } from "./RatingSection";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const delivered = order({ order_id: 701, order_status: "DELIVERED" });
const NOW = new Date("2026-12-02T12:00:00+05:30");

function rating(extra: Partial<OrderRating> = {}): OrderRating {
  return {
    order_id: 701,
    restaurant_id: 1,
    stars: 4,
    review: "Crisp dosa.\nGreat chutney.",
    created_at: "2026-12-02T06:00:00+00:00",
    updated_at: "2026-12-02T06:00:00+00:00",
    editable_until: "2026-12-03T06:00:00+00:00",
    ...extra,
  };
}

function at(path: string, routes: Record<string, Response | Response[]>) {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  const fake = fakeFetch({
    "GET /api/v1/me": json(user),
    "GET /api/v1/cart": json(cartOf([])),
    "GET /api/v1/favourites": json({ restaurants: [] }),
    ...routes,
  });
  return { fake, app: renderApp(path) };
}

describe("rating a delivered order", () => {
  test("not rated yet: stars and an optional review; the rating given is shown after", async () => {
    const { app, fake } = at("/orders/701", {
      "GET /api/v1/orders/701": json(delivered),
      "GET /api/v1/orders/701/rating": problem(404, "not_found"),
      "POST /api/v1/orders/701/rating": json(rating({ stars: 4, review: "Crisp dosa.\nGreat chutney." }), 201),
    });
    const form = await screen.findByRole("form", { name: "Rate this order" });
    expect(screen.getByText("How was your food from Dosa Corner?")).toBeInTheDocument();
    const stars = within(form).getByRole("group", { name: "Stars" });
    expect(within(stars).getAllByRole("radio").map((r) => r.closest("label")!.textContent)).toEqual([
      "★1 star",
      "★2 stars",
      "★3 stars",
      "★4 stars",
      "★5 stars",
    ]);
    expect(await seriousFindings()).toEqual([]);

    // No stars: nothing is sent.
    await app.user.click(within(form).getByRole("button", { name: "Submit rating" }));
    expect(stars).toHaveAccessibleDescription("Choose from 1 to 5 stars.");
    expect(fake.calls("POST /api/v1/orders/701/rating")).toEqual([]);

    await app.user.click(within(stars).getByRole("radio", { name: "4 stars" }));
    const review = within(form).getByLabelText("Review (optional)");
    await app.user.type(review, "  Crisp dosa.{Enter}Great chutney.  ");
    expect(review).toHaveAccessibleDescription("30 / 500 characters");
    await app.user.click(within(form).getByRole("button", { name: "Submit rating" }));
    const given = await screen.findByTestId("my-rating");
    expect(fake.calls("POST /api/v1/orders/701/rating").map((c) => c.body)).toEqual([
      { stars: 4, review: "Crisp dosa.\nGreat chutney." },
    ]);
    expect(given).toHaveTextContent("You rated it 4 out of 5");
    expect(within(given).getByText(/Crisp dosa/)).toHaveTextContent("Crisp dosa. Great chutney.");
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for rating your order!");
    expect(within(given).getByRole("button", { name: "Edit rating" })).toBeInTheDocument();
  });

  test("rated: shown, and edited while editable (PUT)", async () => {
    const { app, fake } = at("/orders/701", {
      "GET /api/v1/orders/701": json(delivered),
      "GET /api/v1/orders/701/rating": json(rating()),
      "PUT /api/v1/orders/701/rating": json(rating({ stars: 2, review: "Cold on arrival." })),
    });
    const given = await screen.findByTestId("my-rating");
    expect(given).toHaveTextContent("You rated it 4 out of 5");
    await app.user.click(within(given).getByRole("button", { name: "Edit rating" }));
    const form = screen.getByRole("form", { name: "Rate this order" });
    expect(within(form).getByRole("radio", { name: "4 stars" })).toBeChecked();
    expect(within(form).getByLabelText("Review (optional)")).toHaveValue("Crisp dosa.\nGreat chutney.");
    await app.user.click(within(form).getByRole("radio", { name: "2 stars" }));
    await app.user.clear(within(form).getByLabelText("Review (optional)"));
    await app.user.type(within(form).getByLabelText("Review (optional)"), "Cold on arrival.");
    await app.user.click(within(form).getByRole("button", { name: "Save rating" }));
    expect(await screen.findByTestId("my-rating")).toHaveTextContent("You rated it 2 out of 5");
    expect(fake.calls("PUT /api/v1/orders/701/rating").map((c) => c.body)).toEqual([{ stars: 2, review: "Cold on arrival." }]);
  });

  test("past editable_until: no edit", async () => {
    at("/orders/701", {
      "GET /api/v1/orders/701": json(delivered),
      "GET /api/v1/orders/701/rating": json(rating({ editable_until: "2026-12-02T06:00:00+00:00" })),
    });
    const given = await screen.findByTestId("my-rating");
    expect(within(given).queryByRole("button", { name: "Edit rating" })).toBeNull();
    expect(given).toHaveTextContent("Ratings can be changed for 24 hours after they are given.");
  });

  test("locked meanwhile (409 rating_locked): said, and the rating shown as it stands", async () => {
    const { app } = at("/orders/701", {
      "GET /api/v1/orders/701": json(delivered),
      "GET /api/v1/orders/701/rating": json(rating()),
      "PUT /api/v1/orders/701/rating": problem(409, "rating_locked"),
    });
    await app.user.click(await screen.findByRole("button", { name: "Edit rating" }));
    await app.user.click(screen.getByRole("radio", { name: "5 stars" }));
    await app.user.click(screen.getByRole("button", { name: "Save rating" }));
    expect(await screen.findByRole("status")).toHaveTextContent("This rating can't be changed any more");
    expect(await screen.findByTestId("my-rating")).toHaveTextContent("You rated it 4 out of 5");
  });

  test("a review the API refuses is explained under the review", async () => {
    const { app } = at("/orders/701", {
      "GET /api/v1/orders/701": json(delivered),
      "GET /api/v1/orders/701/rating": problem(404, "not_found"),
      "POST /api/v1/orders/701/rating": problem(422, "validation_failed", {
        errors: [{ field: "review", message: "must be text without control characters (line breaks are fine)" }],
      }),
    });
    await app.user.click(await screen.findByRole("radio", { name: "5 stars" }));
    await app.user.click(screen.getByRole("button", { name: "Submit rating" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Review (optional)")).toHaveAccessibleDescription(
        "0 / 500 characters Must be text without control characters (line breaks are fine).",
      ),
    );
  });

  test("an order not delivered has no rating prompt", async () => {
    const { fake } = at("/orders/702", {
      "GET /api/v1/orders/702": json(order({ order_id: 702, order_status: "OUT_FOR_DELIVERY" })),
    });
    await screen.findByRole("heading", { name: "Order #702" });
    expect(screen.queryByRole("heading", { name: "Your rating" })).toBeNull();
    expect(fake.calls("GET /api/v1/orders/702/rating")).toEqual([]);
  });

  test("helpers: a review cleaned for the API; editable by the clock", () => {
    expect(cleanReview("  a\tb\r\nc  ")).toBe("a b\nc");
    expect(isEditable(rating(), Date.parse("2026-12-03T05:59:59Z"))).toBe(true);
    expect(isEditable(rating(), Date.parse("2026-12-03T06:00:00Z"))).toBe(false);
  });
});
