import { screen } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, json } from "../test/fetch";
import { cartOf, user } from "../test/fixtures";
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
    expect(screen.getByText("₹281.00")).toBeInTheDocument();
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
      "PUT /api/v1/cart/items/14": json(cartOf([{ food_id: 11, food_name: "Masala Dosa", quantity: 1 }])),
    });
    const app = renderApp("/cart");
    expect(await screen.findByRole("alert")).toHaveTextContent("Rava Dosa is no longer available. Remove it to continue.");
    expect(screen.getByRole("button", { name: "Checkout" })).toBeDisabled();
    await app.user.click(screen.getByRole("button", { name: "Remove Rava Dosa" }));
    expect(await screen.findByRole("link", { name: "Checkout" })).toBeInTheDocument();
  });

  test("an empty cart says so", async () => {
    fakeFetch({ "GET /api/v1/me": json(user), "GET /api/v1/cart": json(cartOf([])) });
    renderApp("/cart");
    expect(await screen.findByText("Your cart is empty.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Browse restaurants" })).toBeInTheDocument();
  });
});
