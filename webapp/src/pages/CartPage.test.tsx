import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { seriousFindings } from "../test/axe";
import { fakeFetch, json, problem } from "../test/fetch";
import { billOf, cartOf, user } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

describe("the cart page", () => {
  test("lines, quantities and the total in rupees", async () => {
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(
        cartOf([
          { food_id: 11, food_name: "Masala Dosa", quantity: 2, price: 12_050 },
          { food_id: 13, food_name: "Filter Coffee", quantity: 1, price: 4_000 },
        ]),
      ),
    });
    renderApp("/cart");
    await screen.findByText("Masala Dosa");
    expect(screen.getByText("₹241.00")).toBeInTheDocument();
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("₹281.00");
    expect(screen.getByRole("group", { name: "Quantity of Masala Dosa" })).toHaveTextContent("2");
    expect(screen.getByRole("link", { name: "Checkout" })).toHaveAttribute("href", "/checkout");
    expect(screen.getByRole("link", { name: /Cart 3 items/ })).toBeInTheDocument();
  });

  test("an unavailable line must be removed before checkout", async () => {
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(
        cartOf([
          { food_id: 11, food_name: "Masala Dosa", quantity: 1 },
          { food_id: 14, food_name: "Rava Dosa", quantity: 1, availability: false },
        ]),
      ),
      "PUT /api/v1/cart/lines/14": json(cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 1 }])),
    });
    const app = renderApp("/cart");
    expect(await screen.findByRole("alert")).toHaveTextContent("Rava Dosa is no longer available. Remove it to continue.");
    expect(screen.getByRole("button", { name: "Checkout" })).toBeDisabled();
    await app.user.click(screen.getByRole("button", { name: "Remove Rava Dosa" }));
    expect(await screen.findByRole("link", { name: "Checkout" })).toBeInTheDocument();
  });

  test("a dish twice with different options: two lines, each with its options, changed by its line_id", async () => {
    const half = { option_id: 2601, option_name: "Half", price_delta: 0 };
    const full = { option_id: 2602, option_name: "Full", price_delta: 17_000 };
    const raita = { option_id: 2603, option_name: "Extra raita", price_delta: 3_000 };
    const two = cartOf([
      { food_id: 26, food_name: "Veg Biryani", quantity: 1, price: 24_000, options: [half] },
      { food_id: 26, food_name: "Veg Biryani", quantity: 2, price: 44_000, options: [full, raita] },
    ]);
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(two),
      "PUT /api/v1/cart/lines/26-2602-2603": json(
        cartOf([
          { food_id: 26, food_name: "Veg Biryani", quantity: 1, price: 24_000, options: [half] },
          { food_id: 26, food_name: "Veg Biryani", quantity: 3, price: 44_000, options: [full, raita] },
        ]),
      ),
    });
    const app = renderApp("/cart");
    await screen.findAllByText("Veg Biryani");
    const options = screen.getAllByRole("list", { name: "Options" });
    expect(options.map((list) => list.textContent)).toEqual(["Half", "Full + ₹170.00Extra raita + ₹30.00"]);
    expect(screen.getByRole("group", { name: "Quantity of Veg Biryani (Half)" })).toHaveTextContent("1");
    const second = screen.getByRole("group", { name: "Quantity of Veg Biryani (Full, Extra raita)" });
    expect(second).toHaveTextContent("2");
    expect(screen.getByText("₹880.00")).toBeInTheDocument(); // 2 × ₹440, options included
    await app.user.click(within(second).getByRole("button", { name: "One more Veg Biryani (Full, Extra raita)" }));
    await waitFor(() => expect(second).toHaveTextContent("3"));
    expect(fake.calls("PUT /api/v1/cart/lines/26-2602-2603").map((c) => c.body)).toEqual([{ quantity: 3 }]);
    expect(await seriousFindings()).toEqual([]);
  });

  test("an empty cart says so", async () => {
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])) });
    renderApp("/cart");
    expect(await screen.findByText("Your cart is empty.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Browse restaurants" })).toBeInTheDocument();
  });
});

describe("the cart's bill and coupon", () => {
  const lines = [{ food_id: 11, food_name: "Masala Dosa", quantity: 2 }];
  const plain = cartOf(lines, undefined, {
    bill: billOf({ item_total: 24_000, delivery_fee: 3_000, platform_fee: 1_000, gst: 1_920 }),
  });
  const withCoupon = cartOf(lines, undefined, {
    bill: billOf({ item_total: 24_000, delivery_fee: 3_000, platform_fee: 1_000, gst: 1_420, discount: -10_000 }),
    coupon: { code: "WELCOME50", description: "50% off up to ₹100 on your first order", applied: true, reason: null, message: null },
  });

  test("the bill's lines and total, as the API sent them", async () => {
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(plain) });
    const app = renderApp("/cart");
    await screen.findByText("Masala Dosa");
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("₹299.20");
    await app.user.click(screen.getByRole("button", { name: "Bill details" }));
    const bill = screen.getByRole("list", { name: "Bill details" });
    expect(bill).toHaveTextContent("Item total₹240.00");
    expect(bill).toHaveTextContent("Delivery fee₹30.00");
    expect(within(bill).getByRole("list", { name: "GST parts" })).toHaveTextContent(/CGST.*₹9\.60.*SGST.*₹9\.60/);
    expect(await seriousFindings()).toEqual([]);
  });

  test("applying a coupon: its description, and the discount in the bill from the answer", async () => {
    const fake = fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(plain),
      "PUT /api/v1/cart/coupon": json(withCoupon),
      "DELETE /api/v1/cart/coupon": json(plain),
    });
    const app = renderApp("/cart");
    await app.user.type(await screen.findByLabelText("Coupon code"), " welcome50 ");
    await app.user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("WELCOME50")).toBeInTheDocument();
    expect(screen.getByTestId("coupon-status")).toHaveTextContent("WELCOME50 applied · 50% off up to ₹100 on your first order");
    expect(fake.calls("PUT /api/v1/cart/coupon").map((c) => c.body)).toEqual([{ code: "welcome50" }]);
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("₹194.20");
    await app.user.click(screen.getByRole("button", { name: "Bill details" }));
    expect(screen.getByRole("list", { name: "Bill details" })).toHaveTextContent("Discount− ₹100.00");
    expect(await seriousFindings()).toEqual([]);

    await app.user.click(screen.getByRole("button", { name: "Remove coupon WELCOME50" }));
    expect(await screen.findByLabelText("Coupon code")).toHaveValue("");
    expect(fake.calls("DELETE /api/v1/cart/coupon")).toHaveLength(1);
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("₹299.20");
  });

  test("a refused coupon: the API's message naming the code, under the field", async () => {
    fakeFetch({
      "GET /api/v1/me": json(user),
      "GET /api/v1/cart": json(plain),
      "PUT /api/v1/cart/coupon": [
        problem(422, "coupon_invalid", {
          detail: "MONSOON30 has expired",
          reason: "expired",
          errors: [{ field: "code", message: "MONSOON30 has expired" }],
        }),
        problem(422, "validation_failed", {
          errors: [{ field: "code", message: "a coupon code is 3 to 20 letters and digits, like WELCOME50" }],
        }),
      ],
    });
    const app = renderApp("/cart");
    const field = await screen.findByLabelText("Coupon code");
    await app.user.type(field, "MONSOON30");
    await app.user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("MONSOON30 has expired.")).toHaveClass("field-error");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("MONSOON30 has expired.");
    expect(field).toHaveValue("MONSOON30"); // kept, to be corrected
    await waitFor(() => expect(field).toHaveFocus());
    expect(await seriousFindings()).toEqual([]);

    await app.user.clear(field);
    await app.user.type(field, "NO-WAY");
    await app.user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("A coupon code is 3 to 20 letters and digits, like WELCOME50.")).toBeInTheDocument();
  });

  test("an empty code is not sent", async () => {
    const fake = fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(plain) });
    const app = renderApp("/cart");
    await screen.findByLabelText("Coupon code");
    await app.user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("Enter a coupon code.")).toBeInTheDocument();
    expect(fake.calls("PUT /api/v1/cart/coupon")).toHaveLength(0);
  });

  test("a coupon the shrunken cart no longer qualifies for says why, and can be removed", async () => {
    const below = cartOf([{ food_id: 13, food_name: "Filter Coffee", quantity: 1, price: 4_000 }], undefined, {
      bill: billOf({ item_total: 4_000, delivery_fee: 3_000, platform_fee: 1_000, gst: 920 }),
      coupon: {
        code: "WELCOME50",
        description: "50% off up to ₹100 on your first order",
        applied: false,
        reason: "below_minimum",
        message: "WELCOME50 needs an item total of at least ₹149",
      },
    });
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(below) });
    renderApp("/cart");
    expect(await screen.findByTestId("coupon-message")).toHaveTextContent("WELCOME50 needs an item total of at least ₹149.");
    expect(screen.getByTestId("coupon-status")).toHaveTextContent("WELCOME50 isn't applied.");
    expect(screen.getByRole("button", { name: "Remove coupon WELCOME50" })).toBeEnabled();
    expect(screen.queryByText(/Discount/)).toBeNull();
  });
});
