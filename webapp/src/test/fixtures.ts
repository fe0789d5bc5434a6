// Shapes as the API sends them (typed by the generated schema).
import type {
  Bill,
  BillLine,
  Cart,
  ChosenOption,
  Delivery,
  FoodItem,
  Order,
  RestaurantDetail,
  RiderJob,
  RiderOrder,
  User,
} from "../api/types";

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
    option_groups: [],
    ...extra,
  };
}

export const restaurant: RestaurantDetail = {
  restaurant_id: 1,
  restaurant_name: "Dosa Corner",
  restaurant_description: "Crisp dosas",
  restaurant_rating: 4.5,
  rating_count: 1_234,
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

const LABELS: Record<BillLine["code"], string> = {
  item_total: "Item total",
  packaging: "Packaging",
  delivery_fee: "Delivery fee",
  platform_fee: "Platform fee",
  gst: "GST",
  discount: "Discount",
  tip: "Rider tip",
};

/** A bill as the API sends it: the lines given (in paise; GST split into equal CGST and
 * SGST halves), their sum as the total. The fixture never prices anything itself. */
export function billOf(amounts: Partial<Record<BillLine["code"], number>>): Bill {
  const lines: BillLine[] = (Object.keys(LABELS) as Array<BillLine["code"]>)
    .filter((code) => amounts[code] !== undefined)
    .map((code) => {
      const amount = amounts[code]!;
      const parts =
        code === "gst"
          ? [
              { code: "cgst", label: "CGST (2.5% food, 9% fees)", amount: amount / 2 },
              { code: "sgst", label: "SGST (2.5% food, 9% fees)", amount: amount / 2 },
            ]
          : [];
      return { code, label: LABELS[code], amount, parts };
    });
  return { lines, total_amount: lines.reduce((sum, l) => sum + l.amount, 0), currency: "INR" };
}

/** A cart of `lines`; its bill is the item total alone unless `extra.bill` says otherwise,
 * and its total_amount is always its bill's total. */
export function cartOf(
  lines: Array<{
    food_id: number;
    food_name: string;
    quantity: number;
    price?: number;
    availability?: boolean;
    options?: ChosenOption[];
  }>,
  restaurantRef = { restaurant_id: 1, restaurant_name: "Dosa Corner" },
  extra: Partial<Pick<Cart, "bill" | "coupon" | "tip">> = {},
): Cart {
  const food_items = lines.map((l) => ({
    line_id: [l.food_id, ...(l.options ?? []).map((o) => o.option_id).sort((a, b) => a - b)].join("-"),
    food_id: l.food_id,
    food_name: l.food_name,
    options: l.options ?? [],
    price: l.price ?? 12_000,
    quantity: l.quantity,
    line_total: (l.price ?? 12_000) * l.quantity,
    is_veg: true,
    availability: l.availability ?? true,
  }));
  const itemTotal = food_items.reduce((sum, l) => sum + l.line_total, 0);
  const bill = lines.length ? (extra.bill ?? billOf({ item_total: itemTotal })) : null;
  return {
    cart_id: lines.length ? 99 : 0,
    restaurant: lines.length ? restaurantRef : null,
    food_items,
    bill,
    coupon: extra.coupon ?? null,
    tip: extra.tip ?? 0,
    total_amount: bill?.total_amount ?? 0,
    currency: "INR",
  };
}

/** The address the fixtures' orders are delivered to. */
const home: Order["delivery_address"] = {
  address_id: 3,
  label: "Home",
  line1: "1 MG Road",
  line2: "",
  landmark: "",
  city_name: "Bengaluru",
  pincode: "560001",
};

/** An order; its bill is the item total alone unless `extra` gives one (a `total_amount`
 * alone becomes a one-line bill of that total), and its total is the bill's. */
export function order(extra: Partial<Order> = {}): Order {
  const bill = extra.bill ?? billOf({ item_total: extra.total_amount ?? 24_000 });
  return {
    order_id: 501,
    user_id: 7,
    restaurant: { restaurant_id: 1, restaurant_name: "Dosa Corner" },
    items: [{ food_id: 11, food_name: "Masala Dosa", price: 12_000, quantity: 2, line_total: 24_000, is_veg: true, options: [] }],
    coupon_code: null,
    currency: "INR",
    order_status: "PENDING_PAYMENT",
    payment_mode: "CARD",
    delivery_address: home,
    delivery: null,
    payment: null,
    cancel_reason: null,
    cancel_note: null,
    accepted_at: null,
    prep_minutes: null,
    accept_by: null,
    ready_at: null,
    eta: null,
    created_at: "2026-01-01T10:00:00+00:00",
    updated_at: "2026-01-01T10:00:00+00:00",
    ...extra,
    bill,
    total_amount: bill.total_amount,
  };
}

/** A biryani sold as the demo catalog sells it: a required Half/Full, up to two add-ons
 * (one sold out). */
export const biryani: FoodItem = dish(21, "Veg Dum Biryani", {
  food_category: "Biryani",
  price: 21_500,
  option_groups: [
    {
      group_name: "Portion",
      min_choices: 1,
      max_choices: 1,
      options: [
        { option_id: 2101, option_name: "Half", price_delta: 0, availability: true },
        { option_id: 2102, option_name: "Full", price_delta: 15_000, availability: true },
      ],
    },
    {
      group_name: "Add-ons",
      min_choices: 0,
      max_choices: 2,
      options: [
        { option_id: 2103, option_name: "Extra raita", price_delta: 3_000, availability: true },
        { option_id: 2104, option_name: "Mirchi ka salan", price_delta: 3_500, availability: true },
        { option_id: 2105, option_name: "Papad", price_delta: 1_000, availability: true },
        { option_id: 2106, option_name: "Boiled egg", price_delta: 2_000, availability: false },
      ],
    },
  ],
});

export const partnerUser: User = {
  ...user,
  user_id: 70,
  user_name: "Dosa Corner",
  email: "partner@example.com",
  role: "PARTNER",
  restaurant_id: 1,
};

export const riderUser: User = {
  ...user,
  user_id: 80,
  user_name: "Ravi Kumar",
  email: "rider1.560001@example.com",
  role: "RIDER",
};

export const rider = { rider_id: 80, rider_name: "Ravi Kumar", phone_masked: "98XXXXXX10" };

/** A delivery as the API sends it once the order is accepted (a rider when given). */
export function deliveryOf(extra: Partial<Delivery> = {}): Delivery {
  return {
    delivery_id: 901,
    delivery_status: extra.rider ? "ASSIGNED" : "PENDING",
    rider: null,
    assigned_at: extra.rider ? "2026-01-01T10:05:00+00:00" : null,
    picked_up_at: null,
    updated_at: "2026-01-01T10:05:00+00:00",
    ...extra,
  };
}

/** The rider's job: `order` null when free. */
export function riderJobOf(order: Partial<RiderOrder> | null): RiderJob {
  return {
    rider_id: 80,
    rider_name: "Ravi Kumar",
    city_pincode: "560001",
    order:
      order === null
        ? null
        : {
            order_id: 501,
            restaurant: { restaurant_id: 1, restaurant_name: "Dosa Corner" },
            items: [{ label: "Masala Dosa", quantity: 2 }],
            delivery_address: home,
            order_status: "PREPARING",
            delivery_status: "ASSIGNED",
            ready_at: null,
            cash_to_collect: 0,
            currency: "INR",
            eta: null,
            ...order,
          },
  };
}
