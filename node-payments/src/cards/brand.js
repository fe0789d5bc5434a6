// Card brand detection from the leading digits (IIN ranges) and the brand's rules.

/**
 * Brand rules. Checked in order: RuPay before Discover, because some RuPay ranges
 * (60, 65) sit inside Discover's.
 * @type {Array<{brand: string, match: (pan: string) => boolean, lengths: number[], cvcLength: number}>}
 */
const BRANDS = [
  { brand: 'amex', match: (p) => /^3[47]/.test(p), lengths: [15], cvcLength: 4 },
  {
    brand: 'rupay',
    match: (p) => inRanges(p, 6, [[508500, 508999], [606985, 607984], [608001, 608500], [652150, 653149], [817200, 820199]]),
    lengths: [16],
    cvcLength: 3,
  },
  { brand: 'visa', match: (p) => p.startsWith('4'), lengths: [13, 16, 19], cvcLength: 3 },
  {
    brand: 'mastercard',
    match: (p) => inRanges(p, 2, [[51, 55]]) || inRanges(p, 4, [[2221, 2720]]),
    lengths: [16],
    cvcLength: 3,
  },
  {
    brand: 'discover',
    match: (p) => p.startsWith('6011') || p.startsWith('65') || inRanges(p, 3, [[644, 649]]) || inRanges(p, 6, [[622126, 622925]]),
    lengths: [16, 19],
    cvcLength: 3,
  },
  { brand: 'jcb', match: (p) => inRanges(p, 4, [[3528, 3589]]), lengths: [16, 17, 18, 19], cvcLength: 3 },
  { brand: 'diners', match: (p) => /^3(0[0-5]|[689])/.test(p), lengths: [14, 16, 19], cvcLength: 3 },
];

function inRanges(pan, width, ranges) {
  if (pan.length < width) return false;
  const prefix = Number(pan.slice(0, width));
  return ranges.some(([lo, hi]) => prefix >= lo && prefix <= hi);
}

/**
 * Detect the brand of a card number (digits only).
 * @returns {{brand: string, lengths: number[]|null, cvcLength: number|null}}
 *   brand "unknown" (any length 12..19, CVC of 3 or 4) when no rule matches.
 */
export function detectBrand(pan) {
  for (const rule of BRANDS) {
    if (rule.match(pan)) return { brand: rule.brand, lengths: rule.lengths, cvcLength: rule.cvcLength };
  }
  return { brand: 'unknown', lengths: null, cvcLength: null };
}

export const KNOWN_BRANDS = BRANDS.map((b) => b.brand);
