// Card number helpers for the payment form: brand detection, Luhn, display grouping.
// The payments service decides for real; these only help the customer type it right.

export type CardBrand = "visa" | "mastercard" | "amex" | "rupay" | "diners" | "discover";

export const BRAND_NAMES: Readonly<Record<CardBrand, string>> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  rupay: "RuPay",
  diners: "Diners Club",
  discover: "Discover",
};

export function digitsOnly(text: string): string {
  return text.replace(/\D/g, "");
}

const BRAND_PATTERNS: ReadonlyArray<readonly [CardBrand, RegExp]> = [
  ["amex", /^3[47]/],
  ["diners", /^3(?:0[0-5]|[68])/],
  ["discover", /^6(?:011|4[4-9])/],
  ["rupay", /^(?:60|65|81|82|508|353|356)/],
  ["mastercard", /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/],
  ["visa", /^4/],
];

export function detectBrand(number: string): CardBrand | null {
  const digits = digitsOnly(number);
  for (const [brand, pattern] of BRAND_PATTERNS) {
    if (pattern.test(digits)) return brand;
  }
  return null;
}

export function luhnValid(number: string): boolean {
  const digits = digitsOnly(number);
  if (digits.length < 12 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Groups of four (American Express: 4-6-5), as printed on the card. */
export function formatCardNumber(number: string): string {
  const digits = digitsOnly(number).slice(0, 19);
  if (detectBrand(digits) === "amex") {
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)]
      .filter(Boolean)
      .join(" ");
  }
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** A hint while typing: null when there is nothing to say yet. */
export function cardNumberHint(number: string): string | null {
  const digits = digitsOnly(number);
  if (digits.length < 12) return null;
  return luhnValid(digits) ? null : "This card number doesn't look right. Please check it.";
}

/** "MM/YY" or "MM/YYYY" → month and four-digit year, or null. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

export function expiryInPast(month: number, year: number, now: Date = new Date()): boolean {
  return year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1);
}

export const VPA_PATTERN = /^[a-zA-Z0-9._-]{2,256}@[a-zA-Z]{2,64}$/;
