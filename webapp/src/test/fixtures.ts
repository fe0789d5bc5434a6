// Shapes as the API sends them (typed by the generated schema).
import type { Cart, FoodItem, Order, RestaurantDetail, User } from "../api/types";

export const user: User = {
  user_id: 7,
  user_name: "Asha",
  email: "asha@example.com",
  phone: "9876543210",
  total_orders: 0,
  role: "CUSTOMER",
  restaurant_id: null,
  created_at: "2026-01-01T10:00:00+00:00",
};

export function dish(food_id: number, food_name: string, extra: Partial<FoodItem> = {}): FoodItem {
  return {
    food_id,
    restaurant_id: 1,
    food_name,
    food_category: "Mains",
    description: "",
    price: 12_000,
    currency: "INR",
    availability: true,
    is_veg: true,
    ...extra,
  };
}

export const restaurant: RestaurantDetail = {
  restaurant_id: 1,
  restaurant_name: "Dosa Corner",
  restaurant_description: "Crisp dosas",
  restaurant_rating: 4.5,
  city: { pincode: "560001", city_name: "Bengaluru" },
  cuisines: ["South Indian"],
  is_veg_only: true,
  delivery_time_minutes: 30,
  cost_for_two: 40_000,
  currency: "INR",
  open_hours: "Mon-Sun 08:00-22:00",
  is_open: true,
  opens_at: null,
  menu: [
    dish(11, "Masala Dosa", { food_category: "Dosa" }),
    dish(14, "Rava Dosa", { food_category: "Dosa", availability: false }),
    dish(13, "Filter Coffee", { food_category: "Drinks", price: 4_000 }),
    dish(15, "Egg Curry", { food_category: "Mains", is_veg: false }),
  ],
};

export function cartOf(
  lines: Array<{ food_id: number; food_name: string; quantity: number; price?: number; availability?: boolean }>,
  restaurantRef = { restaurant_id: 1, restaurant_name: "Dosa Corner" },
): Cart {
  const food_items = lines.map((l) => ({
    food_id: l.food_id,
    food_name: l.food_name,
    price: l.price ?? 12_000,
    quantity: l.quantity,
    line_total: (l.price ?? 12_000) * l.quantity,
    is_veg: true,
    availability: l.availability ?? true,
  }));
  return {
    cart_id: lines.length ? 99 : 0,
    restaurant: lines.length ? restaurantRef : null,
    food_items,
    total_amount: food_items.reduce((sum, l) => sum + l.line_total, 0),
    currency: "INR",
  };
}

export function order(extra: Partial<Order> = {}): Order {
  return {
    order_id: 501,
    user_id: 7,
    restaurant: { restaurant_id: 1, restaurant_name: "Dosa Corner" },
    items: [{ food_id: 11, food_name: "Masala Dosa", price: 12_000, quantity: 2, line_total: 24_000, is_veg: true }],
    total_amount: 24_000,
    currency: "INR",
    order_status: "PENDING_PAYMENT",
    payment_mode: "CARD",
    delivery_address: {
      address_id: 3,
      label: "Home",
      line1: "1 MG Road",
      line2: "",
      landmark: "",
      city_name: "Bengaluru",
      pincode: "560001",
    },
    delivery: null,
    payment: null,
    cancel_reason: null,
    created_at: "2026-01-01T10:00:00+00:00",
    updated_at: "2026-01-01T10:00:00+00:00",
    ...extra,
  };
}
