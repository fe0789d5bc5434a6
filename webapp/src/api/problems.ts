// Problem `code`s (docs/design.md §6, food_core/errors.py) → what the customer reads.
import { closedLabel } from "../lib/hours";
import { closedOf } from "./conflicts";
import { ApiError, NetworkError, fieldMessage } from "./errors";

export const PROBLEM_MESSAGES: Readonly<Record<string, string>> = {
  validation_failed: "Some details need fixing. Please check the highlighted fields.",
  malformed_json: "Something went wrong sending that. Please try again.",
  bad_request: "Something went wrong sending that. Please try again.",
  not_found: "We couldn't find that. It may have been removed.",
  email_taken: "An account with this email already exists. Try signing in instead.",
  phone_taken: "This phone number is already registered to another account.",
  invalid_credentials: "That email and password don't match. Please try again.",
  too_many_attempts: "Too many sign-in attempts. Please wait a few minutes and try again.",
  rate_limited: "You're going a bit fast. Please wait a moment and try again.",
  unauthenticated: "Your session has expired. Please sign in again.",
  csrf_failed: "Your session has expired. Please sign in again.",
  forbidden: "You don't have access to that.",
  cart_restaurant_conflict: "Your cart has dishes from another restaurant.",
  quantity_out_of_range: "You can order between 1 and 20 of each dish.",
  cart_too_large: "Your cart is full. Remove something before adding more.",
  item_unavailable:
    "A dish in your cart just became unavailable. Remove it from your cart to continue.",
  cart_empty: "Your cart is empty. Add some dishes first.",
  cart_changed: "Some prices in your cart changed. Please check the new total.",
  restaurant_closed: "This restaurant is closed right now.",
  address_not_serviceable: "This restaurant doesn't deliver to that address. Please choose another.",
  coupon_invalid: "That coupon can't be used on this cart.",
  options_invalid: "Those choices can't be ordered. Please check the options.",
  order_not_delivered: "You can rate an order once it has been delivered.",
  already_rated: "You've rated this order already.",
  rating_locked: "A rating can only be changed within 24 hours of giving it.",
  nothing_to_reorder: "None of this order's dishes can be ordered today.",
  tip_out_of_range: "A tip can be anything up to ₹500.",
  concurrent_update: "Something changed at the same moment. Please try again.",
  conflict: "That clashed with another change. Please try again.",
  idempotency_key_reused: "This checkout attempt changed midway. Please try again.",
  request_in_progress: "We're still working on your last request. Please wait a moment.",
  payment_declined: "Your payment was declined. Try another card or payment method.",
  invalid_payment_details: "Some payment details look wrong. Please check them.",
  order_already_paid: "This order is already paid. No need to pay again.",
  payment_unavailable:
    "We couldn't confirm your payment yet. You won't be charged twice; please try again shortly.",
  invalid_transition: "This order can't be changed any more.",
  food_not_ready: "The kitchen hasn't marked this order ready yet.",
  cash_not_collected: "Collect the cash from the customer first, then confirm it.",
  too_many_streams: "Too many live pages are open. Close one and try again.",
  payload_too_large: "That was too much data to send.",
  service_unavailable: "We can't reach the server right now. Please try again in a moment.",
  internal_error: "Something went wrong on our side. Please try again.",
};

/** Why a payment was declined (node-payments' failure codes). */
export const DECLINE_MESSAGES: Readonly<Record<string, string>> = {
  card_declined: "Your card was declined. Please try another card.",
  insufficient_funds: "Your card has insufficient funds. Please try another card.",
  expired_card: "Your card has expired. Please try another card.",
  incorrect_cvc: "The CVC doesn't match your card. Please check it or try another card.",
  upi_declined: "Your UPI payment was declined. Please try another UPI ID or pay by card.",
};

export const UNREACHABLE_MESSAGE =
  "We can't reach the server. Check your connection and try again.";

/** A sentence for the customer, for any error the API client throws. */
export function messageFor(error: unknown): string {
  if (error instanceof NetworkError) return UNREACHABLE_MESSAGE;
  if (error instanceof ApiError) {
    if (error.code === "payment_declined" && error.failureCode) {
      return DECLINE_MESSAGES[error.failureCode] ?? PROBLEM_MESSAGES.payment_declined!;
    }
    if (error.code === "coupon_invalid") {
      // The API's own words name the code and the rule (e.g. the minimum item total).
      const said = fieldMessage(error, "code") ?? error.detail;
      return said ? sentence(said) : PROBLEM_MESSAGES.coupon_invalid!;
    }
    if (error.code === "options_invalid") {
      // The API names the dish, the group and what is wrong ("choose 1 for Portion").
      const said = fieldMessage(error, "option_ids") ?? error.detail;
      return said ? sentence(said) : PROBLEM_MESSAGES.options_invalid!;
    }
    const closed = closedOf(error);
    if (closed) return `${closedLabel(closed.opensAt)}. You can order once it opens.`;
    return (
      PROBLEM_MESSAGES[error.code] ??
      (error.status >= 500 ? PROBLEM_MESSAGES.internal_error! : error.detail)
    );
  }
  return PROBLEM_MESSAGES.internal_error!;
}

/** Text as a sentence: a capital first letter and a full stop ("WELCOME50 has expired."). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** What to say under the coupon field when applying a code failed. */
export function couponErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === "validation_failed") {
    const said = fieldMessage(error, "code");
    if (said) return sentence(said);
  }
  return messageFor(error);
}

/** Field errors as a map from the field's name (without any prefix like `card.`). */
export function fieldErrors(error: unknown, prefix = ""): Record<string, string> {
  const found: Record<string, string> = {};
  if (!(error instanceof ApiError)) return found;
  for (const { field, message } of error.fieldErrors) {
    if (field.startsWith(prefix)) found[field.slice(prefix.length)] = message;
  }
  return found;
}

/** For the partner and the rider: the API's own words (the field's message, else the
 * problem's detail), which name what was refused and why; a sentence for anything else. */
export function apiMessage(error: unknown): string {
  if (error instanceof ApiError && error.status < 500) {
    const said = error.fieldErrors[0]?.message ?? error.detail;
    if (said && !/^HTTP \d+$/.test(said)) return sentence(said);
  }
  return messageFor(error);
}
