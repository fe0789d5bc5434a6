// Money is integer paise (docs/design.md §3); shown as rupees in the Indian format.
const INR = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" });

export function formatPaise(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`not an amount in paise: ${paise}`);
  return INR.format(paise / 100);
}
