// UPI virtual payment address (VPA) rules.

export const VPA_PATTERN = '^[a-zA-Z0-9.\\-_]{2,256}@[a-zA-Z]{2,64}$';
const VPA_RE = new RegExp(VPA_PATTERN);

export function isValidVpa(vpa) {
  return typeof vpa === 'string' && VPA_RE.test(vpa);
}
