// The readable half of the double-submit CSRF pair (services/api/auth/csrf.py).
export const CSRF_COOKIE = "food_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE);
}
