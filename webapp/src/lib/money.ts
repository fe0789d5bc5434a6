// Money is integer paise (docs/design.md §3); shown as rupees in the Indian format.
const INR = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" });

export function formatPaise(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`not an amount in paise: ${paise}`);
  return INR.format(paise / 100);
}

const WHOLE_INR = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", maximumFractionDigits: 0 });

/** A round amount without its paise (₹20), for labels like a tip's presets; any other
 * amount as formatPaise shows it. */
export function formatShortPaise(paise: number): string {
  return paise % 100 === 0 && Number.isSafeInteger(paise) ? WHOLE_INR.format(paise / 100) : formatPaise(paise);
}
