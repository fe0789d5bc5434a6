// GENERATED from the API's OpenAPI document by `npm run gen:api`; do not edit.
// The drift test (src/api/schema.drift.test.ts) fails when the API changes and this
// file was not regenerated.

export interface paths {
    "/api/v1/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your address book */
        get: operations["listAddresses"];
        put?: never;
        /** Add an address (at most 20) */
        post: operations["addAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/addresses/{address_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an address (orders keep their own copy) */
        delete: operations["deleteAddress"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a session
         * @description Failed attempts are limited (429 with Retry-After) per account and client network (IPv6: per /64), with a delay that doubles after a few failures; per client network across accounts; and per account, except from a device that signed in to it before (the HttpOnly `food_device` cookie this sets), so guessing elsewhere cannot lock the owner out. A wrong password and an unknown account are the same 401. As for signup, the token is in the body only with `bearer: true`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session: the token is revoked and the cookies cleared */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer account and start a session
         * @description Sets the HttpOnly session cookie (and `food_csrf`). The token is in the body only with `bearer: true`, for clients that authenticate with `Authorization: Bearer`; the web app does not ask for it.
         */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your cart at current prices, with its bill */
        get: operations["getCart"];
        put?: never;
        post?: never;
        /** Empty your cart */
        delete: operations["clearCart"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/coupon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Apply a coupon to your cart
         * @description 422 coupon_invalid with its reason (unknown, not_started, expired, below_minimum, first_order_only, used_up, other_restaurant, other_city); 422 validation_failed for a code that is not 3 to 20 letters and digits; 409 cart_empty. The coupon is checked again whenever the cart changes and when the order is placed; a use is counted by the order that uses it.
         */
        put: operations["applyCartCoupon"];
        post?: never;
        /** Take the coupon off your cart */
        delete: operations["removeCartCoupon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/delivery/{address_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Would your cart's restaurant deliver to this address?
         * @description What placing the order would say about the address, asked before paying: a restaurant delivers in its own city, to the PIN codes it serves. 409 cart_empty; 404 for an address that is not yours.
         */
        get: operations["checkCartDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/items/{food_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a dish's quantity in your cart (0 removes it)
         * @description The dish's line without options. 409 cart_restaurant_conflict when the cart holds another restaurant's dishes (send replace_cart: true to start over); 409 item_unavailable; 422 quantity_out_of_range or cart_too_large; 422 options_invalid for a dish with a required choice (add it with addCartLine).
         */
        put: operations["setCartItem"];
        post?: never;
        /** Remove a dish from your cart */
        delete: operations["removeCartItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a dish with its chosen options to your cart
         * @description The same dish with the same options adds to its line; other options make another line. 422 options_invalid naming what is wrong (a required choice missing, too many in a group, an option that is not the dish's, an unavailable one); otherwise the errors of setCartItem. Send an Idempotency-Key to make a retry add once.
         */
        post: operations["addCartLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/lines/{line_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a line's quantity (0 removes it)
         * @description 404 for a line the cart does not hold; 422 quantity_out_of_range.
         */
        put: operations["setCartLine"];
        post?: never;
        /** Remove a line from your cart */
        delete: operations["removeCartLine"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/tip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Tip the rider (0 to ₹500, in paise; 0 removes it)
         * @description 422 tip_out_of_range; 409 cart_empty for a tip on an empty cart. The tip carries no GST and is refunded with the order if it is cancelled.
         */
        put: operations["setCartTip"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cities we deliver in */
        get: operations["listCities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cities/{pincode}/restaurants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search a city's restaurants
         * @description Keyset pagination: pass next_cursor back as cursor, with the same sort. A cursor is an opaque, signed token: one the server did not make, or made for another sort, is a 422 naming `cursor`.
         */
        get: operations["searchRestaurants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/favourites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your favourite restaurants */
        get: operations["listFavourites"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/favourites/{restaurant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save a restaurant as a favourite
         * @description Saving it again changes nothing; 422 when you have 100 already.
         */
        put: operations["saveFavourite"];
        post?: never;
        /** Remove a restaurant from your favourites */
        delete: operations["removeFavourite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your orders, newest first */
        get: operations["listOrders"];
        put?: never;
        /**
         * Order what your cart holds
         * @description Send one Idempotency-Key (a UUID) per checkout attempt and keep it across retries: the same key and body answer with the same order (Idempotent-Replayed: true), never a second one. A second placement of a cart already ordered — another tab or device, any key — answers the same way, with the order placed from it. A COD order is CONFIRMED once the payments service records the cash promise (within the request unless it is unreachable: then it stays PENDING_PAYMENT until a retry or the sweep); others wait in PENDING_PAYMENT; an order that waits longer than FOOD_UNPAID_ORDER_TTL_S (15 min) with no payment in flight is cancelled (cancel_reason payment_not_completed). With expected_total, a total that changed is 409 cart_changed with the lines that changed (old and new price, availability) and the new total_amount; nothing is ordered. 409 cart_empty, item_unavailable, restaurant_closed (with opens_at); 422 address_not_serviceable (the restaurant does not deliver to that address).
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your orders */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order before the kitchen starts (a paid one is refunded) */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Watch an order's status (server-sent events)
         * @description A text/event-stream: an event `status` with the order as JSON now and at every change, a heartbeat comment every 15 s; it ends once the order is DELIVERED or CANCELLED, after a bounded time (reconnect to go on), or when the session ends (logout, expiry). A few streams (4 by default) may be open at once per account, across replicas: beyond that, 429 `too_many_streams` with Retry-After.
         */
        get: operations["orderEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_id}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay an order by card, UPI or cash on delivery
         * @description Keep the Idempotency-Key across retries: a retried or replayed payment never charges twice. 402 payment_declined (with failure_code; the order moves to PAYMENT_FAILED and may be paid again with a new key), 409 order_already_paid, 422 invalid_payment_details, 503 payment_unavailable (outcome unknown: retry with the same key after Retry-After).
         */
        post: operations["payOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your rating of an order
         * @description 404 when you have not rated the order.
         */
        get: operations["getOrderRating"];
        /**
         * Change your rating of an order
         * @description Within 24 hours of rating; after that 409 rating_locked.
         */
        put: operations["editOrderRating"];
        /**
         * Rate a delivered order (once)
         * @description 1 to 5 stars and an optional review of up to 500 characters. 409 order_not_delivered before the order is delivered; 409 already_rated for a second rating (edit it with editOrderRating); 404 for another customer's order.
         */
        post: operations["rateOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_id}/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Order again: fill your cart from a past order at today's prices
         * @description Replaces the cart. Items no longer on the menu or unavailable, or whose options are no longer offered, are left out and named in `unavailable`; 409 nothing_to_reorder if that is all of them; 409 restaurant_closed.
         */
        post: operations["reorder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Watch your restaurant's open orders (server-sent events)
         * @description A text/event-stream: an event `orders` with the open orders (as GET /partner/orders) now and whenever any of them changes or a new one arrives; heartbeats and limits as the order stream.
         */
        get: operations["partnerOrderEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/menu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your restaurant's dishes, unavailable ones included */
        get: operations["getPartnerMenu"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/menu/{food_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a dish's availability or price
         * @description Each replica caches the catalog for FOOD_CATALOG_CACHE_S seconds: the change shows everywhere within that time.
         */
        patch: operations["editPartnerDish"];
        trace?: never;
    };
    "/api/v1/partner/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your restaurant's open orders, oldest first */
        get: operations["listPartnerOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/orders/{order_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a confirmed order, saying how long the food takes
         * @description CONFIRMED → PREPARING, and the nearest free rider of the city is assigned (or the order waits for one). An order not accepted by its accept_by is cancelled (not_accepted_in_time) and refunded; after that, or once cancelled, 409 invalid_transition.
         */
        post: operations["acceptPartnerOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/orders/{order_id}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say an accepted order's food is ready for its rider */
        post: operations["markPartnerOrderReady"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/orders/{order_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a confirmed order with a reason; it is refunded in full */
        post: operations["rejectPartnerOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/orders/{order_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an order on yourself: PREPARING → OUT_FOR_DELIVERY → DELIVERED
         * @description For a restaurant delivering with its own staff. PREPARING accepts the order without a preparation time (and dispatches a rider, as accepting does).
         */
        post: operations["setPartnerOrderStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Today's orders and takings */
        get: operations["getPartnerDay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/restaurants/{restaurant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A restaurant and its menu */
        get: operations["getRestaurant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rider/job": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order you carry now, if any */
        get: operations["getRiderJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rider/orders/{order_id}/delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer has the food: the order is delivered
         * @description A cash-on-delivery order needs cash_collected=true (else 422 cash_not_collected); delivering it settles its payment. You are then free, and the oldest order waiting for a rider in your city comes to you.
         */
        post: operations["deliverRiderOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rider/orders/{order_id}/picked-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * You have the food: the order is out for delivery
         * @description 409 food_not_ready until the restaurant has marked the food ready.
         */
        post: operations["pickUpRiderOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store and the payments service answer */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptIn: {
            /** @description How long the food takes, in minutes */
            prep_minutes: number;
        };
        AddLineIn: {
            /** @description The dish */
            food_id: number;
            /** @description The options chosen, from the dish's option groups (any order) */
            option_ids?: number[];
            /** @description How many to add */
            quantity?: number;
            /** @description Empty a cart holding another restaurant's items first, instead of a 409 */
            replace_cart?: boolean;
        };
        AddressesOut: {
            addresses: components["schemas"]["AddressOut"][];
        };
        AddressIn: {
            city_name: string;
            /** @description Home, Work… */
            label: string;
            landmark?: string;
            line1: string;
            line2?: string;
            pincode: string;
        };
        AddressOut: {
            address_id: number;
            city_name: string;
            label: string;
            landmark: string;
            line1: string;
            line2: string;
            pincode: string;
        };
        /** @description One line, in paise; only ``discount`` is negative. */
        BillLineOut: {
            amount: number;
            /** @enum {string} */
            code: "item_total" | "packaging" | "delivery_fee" | "platform_fee" | "gst" | "discount" | "tip";
            label: string;
            parts: components["schemas"]["BillPartOut"][];
        };
        /** @description Every line the customer pays; ``total_amount`` is their sum (rounded per line, half up to the paisa). */
        BillOut: {
            /** @constant */
            currency: "INR";
            lines: components["schemas"]["BillLineOut"][];
            total_amount: number;
        };
        /** @description A component of a line: GST's CGST and SGST halves. */
        BillPartOut: {
            amount: number;
            code: string;
            label: string;
        };
        CardIn: {
            cvc: string;
            exp_month: number;
            exp_year: number;
            /** @description The name on the card */
            name?: string;
            number: string;
        };
        /** @description Pay by card: ``card`` holds its details. */
        CardPayIn: {
            card: components["schemas"]["CardIn"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            payment_mode: "CARD";
            upi?: null;
        };
        /** @description All that is ever kept of a card. */
        CardSummaryOut: {
            brand: string;
            last4: string;
        };
        /** @description A line — a dish with its chosen options — at the catalog's current prices (paise): ``price`` is the unit price, options included. ``availability`` false means it must be removed before ordering (the dish, or one of its options, is unavailable). */
        CartLineOut: {
            availability: boolean;
            food_id: number;
            food_name: string;
            is_veg: boolean;
            line_id: string;
            line_total: number;
            options: components["schemas"]["ChosenOptionOut"][];
            price: number;
            quantity: number;
        };
        /** @description One restaurant's items; ``cart_id`` is 0 before the first item is added. ``bill`` (null for an empty cart) is what placing the order now would charge, and ``total_amount`` its total: send it as ``expected_total`` when placing. */
        CartOut: {
            bill: components["schemas"]["BillOut"] | null;
            cart_id: number;
            coupon: components["schemas"]["CouponOut"] | null;
            /** @constant */
            currency: "INR";
            food_items: components["schemas"]["CartLineOut"][];
            restaurant: components["schemas"]["RestaurantRefOut"] | null;
            tip: number;
            total_amount: number;
        };
        /** @description An option chosen for a dish, and what it adds to the dish's price (paise). */
        ChosenOptionOut: {
            option_id: number;
            option_name: string;
            price_delta: number;
        };
        CitiesOut: {
            cities: components["schemas"]["CityOut"][];
        };
        CityOut: {
            city_name: string;
            pincode: string;
        };
        /** @description Cash on delivery: no card or UPI details. */
        CodPayIn: {
            card?: null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            payment_mode: "COD";
            upi?: null;
        };
        CouponIn: {
            /** @description The coupon code, e.g. WELCOME50 (any case) */
            code: string;
        };
        /** @description The coupon on the cart: ``applied`` false says why not in ``reason`` and ``message`` (it is checked again whenever the cart changes). */
        CouponOut: {
            applied: boolean;
            code: string;
            description: string | null;
            message: string | null;
            reason: string | null;
        };
        /** @description The restaurant's orders placed today (India time) that were confirmed, and what those not cancelled took (paise). */
        DayTallyOut: {
            cancelled: number;
            /** @constant */
            currency: "INR";
            delivered: number;
            orders: number;
            /** Format: date-time */
            since: string;
            takings: number;
        };
        DeliveredIn: {
            /** @description For a cash-on-delivery order: the customer paid the rider (required to deliver it) */
            cash_collected?: boolean;
        };
        /** @description Would the cart's restaurant deliver to this address? ``detail`` says why not. */
        DeliveryCheckOut: {
            address_id: number;
            detail: string | null;
            serviceable: boolean;
        };
        DeliveryOut: {
            assigned_at: string | null;
            delivery_id: number;
            /** @enum {string} */
            delivery_status: "PENDING" | "ASSIGNED" | "PICKED_UP" | "DELIVERED" | "CANCELLED";
            picked_up_at: string | null;
            rider: components["schemas"]["RiderOut"] | null;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description What to change of a dish; a field left out stays as it is. */
        DishEditIn: {
            /** @description Whether customers can order it now */
            availability?: boolean | null;
            /** @description Its new base price in paise (options keep their own) */
            price?: number | null;
        };
        /** @description Your saved restaurants, the most recently saved first. */
        FavouritesOut: {
            restaurants: components["schemas"]["RestaurantOut"][];
        };
        FieldErrorOut: {
            field: string;
            message: string;
        };
        /** @description A dish on a menu; ``price`` is in paise, without options. */
        FoodItemOut: {
            availability: boolean;
            /** @constant */
            currency: "INR";
            description: string;
            food_category: string;
            food_id: number;
            food_name: string;
            is_veg: boolean;
            option_groups: components["schemas"]["OptionGroupOut"][];
            price: number;
            restaurant_id: number;
        };
        HealthOut: {
            status: string;
        };
        JobItemOut: {
            label: string;
            quantity: number;
        };
        LineQuantityIn: {
            /** @description The line's new quantity; 0 removes the line */
            quantity: number;
        };
        LoginIn: {
            /** @description true: also return the session token in the body, for a client that sends it as `Authorization: Bearer` (an app, a script). Left out (the web app), the session is only the HttpOnly cookie, which no script can read */
            bearer?: boolean;
            email: string;
            password: string;
        };
        /** @description Choose ``min_choices`` to ``max_choices`` of ``options`` (min 1: required). */
        OptionGroupOut: {
            group_name: string;
            max_choices: number;
            min_choices: number;
            options: components["schemas"]["OptionOut"][];
        };
        /** @description ``price_delta``: paise added to the dish's price when chosen. */
        OptionOut: {
            availability: boolean;
            option_id: number;
            option_name: string;
            price_delta: number;
        };
        /** @description A dish as it was priced when the order was placed (paise): ``price`` is the unit price, its options' included. */
        OrderItemOut: {
            food_id: number;
            food_name: string;
            is_veg: boolean;
            line_total: number;
            options: components["schemas"]["ChosenOptionOut"][];
            price: number;
            quantity: number;
        };
        /** @description An order: price snapshots, status, where it goes, how it is paid (paise). */
        OrderOut: {
            accept_by: string | null;
            accepted_at: string | null;
            bill: components["schemas"]["BillOut"];
            cancel_note: string | null;
            cancel_reason: ("cancelled_by_customer" | "payment_not_completed" | "rejected_by_restaurant" | "not_accepted_in_time") | null;
            coupon_code: string | null;
            /** Format: date-time */
            created_at: string;
            /** @constant */
            currency: "INR";
            delivery: components["schemas"]["DeliveryOut"] | null;
            delivery_address: components["schemas"]["AddressOut"];
            eta: string | null;
            items: components["schemas"]["OrderItemOut"][];
            order_id: number;
            /** @enum {string} */
            order_status: "PENDING_PAYMENT" | "PAYMENT_FAILED" | "CONFIRMED" | "PREPARING" | "OUT_FOR_DELIVERY" | "DELIVERED" | "CANCELLED";
            payment: components["schemas"]["PaymentOut"] | null;
            /** @enum {string} */
            payment_mode: "CARD" | "UPI" | "COD";
            prep_minutes: number | null;
            ready_at: string | null;
            restaurant: components["schemas"]["RestaurantRefOut"];
            total_amount: number;
            /** Format: date-time */
            updated_at: string;
            user_id: number;
        };
        OrdersOut: {
            orders: components["schemas"]["OrderOut"][];
        };
        OrderStatusIn: {
            /** @enum {string} */
            order_status: "PREPARING" | "OUT_FOR_DELIVERY" | "DELIVERED";
        };
        /** @description Every dish of the restaurant, unavailable ones included. */
        PartnerMenuOut: {
            items: components["schemas"]["FoodItemOut"][];
        };
        /** @description By payment_mode: CARD takes card, UPI takes upi, COD neither (null is the same as leaving a field out). */
        PayIn: components["schemas"]["CardPayIn"] | components["schemas"]["UpiPayIn"] | components["schemas"]["CodPayIn"];
        /** @description The attempt that stands for the order: the one that paid it, else the newest; ``amount`` in paise. */
        PaymentOut: {
            amount: number;
            card: components["schemas"]["CardSummaryOut"] | null;
            /** Format: date-time */
            created_at: string;
            /** @constant */
            currency: "INR";
            failure_code: string | null;
            order_id: number;
            payment_id: number;
            /** @enum {string} */
            payment_mode: "CARD" | "UPI" | "COD";
            /** @enum {string} */
            payment_status: "PENDING" | "SUCCEEDED" | "FAILED" | "REFUNDED";
            /** Format: date-time */
            updated_at: string;
        };
        PaymentResultOut: {
            order: components["schemas"]["OrderOut"];
            payment: components["schemas"]["PaymentOut"];
        };
        /** @description Order what the cart holds, delivered to one of your addresses. */
        PlaceOrderIn: {
            /** @description One of your addresses */
            address_id: number;
            /** @description The total, in paise, you were shown; if the order would cost anything else now, 409 cart_changed lists what changed and nothing is ordered */
            expected_total?: number | null;
            /**
             * @description COD orders are confirmed once the payments service records the cash promise
             * @enum {string}
             */
            payment_mode: "CARD" | "UPI" | "COD";
        };
        /** @description RFC 9457 problem details. ``code`` is stable and machine-readable; ``errors`` names the fields at fault; ``failure_code`` says why a payment was declined; ``reason`` why a coupon does not apply (coupon_invalid); ``group_name`` the dish's option group at fault (options_invalid, when one group is). */
        ProblemOut: {
            code: string;
            detail: string;
            errors?: components["schemas"]["FieldErrorOut"][];
            failure_code?: string;
            group_name?: string;
            reason?: string;
            status: number;
            title: string;
            type: string;
        };
        RatingIn: {
            /** @description What you thought (optional) */
            review?: string;
            /** @description 1 to 5 stars */
            stars: number;
        };
        /** @description Your rating of an order; it can be changed until ``editable_until``. */
        RatingOut: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            editable_until: string;
            order_id: number;
            restaurant_id: number;
            review: string;
            stars: number;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description Every dependency answered. */
        ReadyOut: {
            payments: boolean;
            status: string;
            store: boolean;
        };
        RejectIn: {
            /** @description Why, as the customer is told */
            reason: string;
        };
        /** @description The cart filled from a past order at today's prices; ``unavailable`` names the order's items (with their options) that could not be added. */
        ReorderOut: {
            cart: components["schemas"]["CartOut"];
            unavailable: string[];
        };
        /** @description A restaurant with its menu, ordered by category, then name. */
        RestaurantDetailOut: {
            city: components["schemas"]["CityOut"];
            cost_for_two: number;
            cuisines: string[];
            /** @constant */
            currency: "INR";
            delivery_time_minutes: number;
            is_open: boolean;
            is_veg_only: boolean;
            menu: components["schemas"]["FoodItemOut"][];
            open_hours: string;
            opens_at: string | null;
            rating_count: number;
            restaurant_description: string;
            restaurant_id: number;
            restaurant_name: string;
            restaurant_rating: number;
        };
        /** @description A search result; ``matched_dishes``: the names of its dishes the text matched. */
        RestaurantHitOut: {
            city: components["schemas"]["CityOut"];
            cost_for_two: number;
            cuisines: string[];
            /** @constant */
            currency: "INR";
            delivery_time_minutes: number;
            is_open: boolean;
            is_veg_only: boolean;
            matched_dishes: string[];
            open_hours: string;
            opens_at: string | null;
            rating_count: number;
            restaurant_description: string;
            restaurant_id: number;
            restaurant_name: string;
            restaurant_rating: number;
        };
        /** @description A restaurant. ``cost_for_two`` is in paise. */
        RestaurantOut: {
            city: components["schemas"]["CityOut"];
            cost_for_two: number;
            cuisines: string[];
            /** @constant */
            currency: "INR";
            delivery_time_minutes: number;
            is_open: boolean;
            is_veg_only: boolean;
            open_hours: string;
            opens_at: string | null;
            rating_count: number;
            restaurant_description: string;
            restaurant_id: number;
            restaurant_name: string;
            restaurant_rating: number;
        };
        /** @description What a cart or an order remembers of its restaurant. */
        RestaurantRefOut: {
            restaurant_id: number;
            restaurant_name: string;
        };
        /** @description One page of a search; pass ``next_cursor`` back as ``cursor`` for the next one. */
        RestaurantsOut: {
            /** @description An opaque token for the next page: pass it back unchanged as cursor, with the same sort. Null on the last page. */
            next_cursor: string | null;
            restaurants: components["schemas"]["RestaurantHitOut"][];
        };
        RiderJobOut: {
            city_pincode: string;
            order: components["schemas"]["RiderOrderOut"] | null;
            rider_id: number;
            rider_name: string;
        };
        /** @description What a rider needs of the order carried: where from, where to, what, and the cash to collect (paise; 0 unless cash on delivery). */
        RiderOrderOut: {
            cash_to_collect: number;
            /** @constant */
            currency: "INR";
            delivery_address: components["schemas"]["AddressOut"];
            /** @enum {string} */
            delivery_status: "PENDING" | "ASSIGNED" | "PICKED_UP" | "DELIVERED" | "CANCELLED";
            eta: string | null;
            items: components["schemas"]["JobItemOut"][];
            order_id: number;
            /** @enum {string} */
            order_status: "PENDING_PAYMENT" | "PAYMENT_FAILED" | "CONFIRMED" | "PREPARING" | "OUT_FOR_DELIVERY" | "DELIVERED" | "CANCELLED";
            ready_at: string | null;
            restaurant: components["schemas"]["RestaurantRefOut"];
        };
        /** @description The rider carrying the order; the phone number masked (the last two digits show). */
        RiderOut: {
            phone_masked: string;
            rider_id: number;
            rider_name: string;
        };
        /** @description The new session, set as the HttpOnly ``food_session`` cookie with ``food_csrf`` beside it. ``token`` — the same session token, for ``Authorization: Bearer`` — is in the body only when the request asked for it with ``bearer: true``. */
        SessionOut: {
            /** @description The session token (only when `bearer` was true) */
            token?: string;
            user: components["schemas"]["UserOut"];
        };
        SetQuantityIn: {
            /** @description The line's new quantity; 0 removes the line */
            quantity: number;
            /** @description Empty a cart holding another restaurant's items first, instead of a 409 */
            replace_cart?: boolean;
        };
        SignupIn: {
            /** @description true: also return the session token in the body, for a client that sends it as `Authorization: Bearer` (an app, a script). Left out (the web app), the session is only the HttpOnly cookie, which no script can read */
            bearer?: boolean;
            email: string;
            password: string;
            phone: string;
            /** @description How the restaurant and the rider address you */
            user_name: string;
        };
        TipIn: {
            /** @description The rider's tip in paise (0 removes it) */
            amount: number;
        };
        UpiIn: {
            vpa: string;
        };
        /** @description Pay by UPI: ``upi`` holds the payer's VPA. */
        UpiPayIn: {
            card?: null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            payment_mode: "UPI";
            upi: components["schemas"]["UpiIn"];
        };
        /** @description A person with an account. ``restaurant_id`` is set for restaurant partners only. */
        UserOut: {
            /** Format: date-time */
            created_at: string;
            email: string;
            phone: string;
            restaurant_id: number | null;
            /** @enum {string} */
            role: "CUSTOMER" | "PARTNER" | "RIDER";
            total_orders: number;
            user_id: number;
            user_name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAddresses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressesOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    addAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddressIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    deleteAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An address's id */
                address_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description food_session (HttpOnly, SameSite=Strict) and food_csrf */
                    "Set-Cookie"?: string;
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Too many failed logins, or event streams open; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    signup: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description food_session (HttpOnly, SameSite=Strict) and food_csrf */
                    "Set-Cookie"?: string;
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    clearCart: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    applyCartCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CouponIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    removeCartCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    checkCartDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An address's id */
                address_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryCheckOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    setCartItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A food item's id */
                food_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetQuantityIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    removeCartItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A food item's id */
                food_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    addCartLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddLineIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    setCartLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A cart line's id (the dish's id, then its options' ids in ascending order, by '-') */
                line_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LineQuantityIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    removeCartLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A cart line's id (the dish's id, then its options' ids in ascending order, by '-') */
                line_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    setCartTip: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TipIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    listCities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitiesOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    searchRestaurants: {
        parameters: {
            query?: {
                cuisine?: string;
                /** @description An opaque token: the next_cursor of the page before, passed back unchanged with the same sort. The server signs it; any other value is a 422 naming cursor. */
                cursor?: string;
                limit?: number;
                /** @description At most this cost for two, in paise */
                max_cost_for_two?: number;
                min_rating?: number;
                /** @description Only restaurants open now */
                open_now?: boolean;
                /** @description Words in the name, description, cuisines or a dish's name */
                q?: string;
                /** @description rating (best first), name, delivery_time (fastest first) or cost (cheapest first) */
                sort?: "rating" | "name" | "delivery_time" | "cost";
                /** @description Vegetarian-only restaurants */
                veg?: boolean;
            };
            header?: never;
            path: {
                /** @description A city's 6-digit PIN code */
                pincode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestaurantsOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    listFavourites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FavouritesOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    saveFavourite: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A restaurant's id */
                restaurant_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    removeFavourite: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A restaurant's id */
                restaurant_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Only orders older than this order_id (the last one of the previous page) */
                before?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrdersOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key": string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceOrderIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    orderEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: string;
                        /** @constant */
                        event: "status";
                        /** @description The version sent: when it last changed (ISO 8601), for Last-Event-ID */
                        id: string;
                    };
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Too many failed logins, or event streams open; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    payOrder: {
        parameters: {
            query?: never;
            header: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key": string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResultOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The payment was declined; failure_code says why */
            402: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A dependency did not answer; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getOrderRating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    editOrderRating: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    rateOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    reorder: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReorderOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    partnerOrderEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: string;
                        /** @constant */
                        event: "orders";
                        /** @description The version sent: when it last changed (ISO 8601), for Last-Event-ID */
                        id: string;
                    };
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Too many failed logins, or event streams open; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getPartnerMenu: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerMenuOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    editPartnerDish: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A food item's id */
                food_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DishEditIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FoodItemOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    listPartnerOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrdersOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    acceptPartnerOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    markPartnerOrderReady: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    rejectPartnerOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    setPartnerOrderStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderStatusIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getPartnerDay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayTallyOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getRestaurant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A restaurant's id */
                restaurant_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestaurantDetailOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    getRiderJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiderJobOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    deliverRiderOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveredIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiderJobOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    pickUpRiderOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description One UUID per attempt, kept across retries of it: the same request again is answered as the first time (Idempotent-Replayed: true). Another request with the same key is a 422 idempotency_key_reused; while the first is still running, a 409 request_in_progress. */
                "Idempotency-Key"?: string;
                /** @description With cookie sessions: the food_csrf cookie's value */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description An order's id */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the same key */
                    "Idempotent-Replayed"?: "true";
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiderJobOut"];
                };
            };
            /** @description Malformed request: the body is not JSON, or a required header is missing */
            400: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not signed in, an invalid or expired token, or wrong credentials */
            401: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token */
            403: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Not found (another user's resources are not found either) */
            404: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description Conflicts with the current state; code says which; or request_in_progress: a request with this Idempotency-Key is still running */
            409: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is larger than 1 MiB */
            413: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A field is not valid; errors names each one; or idempotency_key_reused: this Idempotency-Key was used for another request */
            422: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=1.0.0; charset=utf-8": string;
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyOut"];
                };
            };
            /** @description An error on our side */
            500: {
                headers: {
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
            /** @description A dependency did not answer; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    /** @description The request's id (echoes a well-formed incoming X-Request-ID) */
                    "X-Request-ID"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemOut"];
                };
            };
        };
    };
}
