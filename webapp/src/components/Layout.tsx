// The page frame: skip link, header with city and navigation, the page, and dialogs.
import { useEffect, useRef } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { UNREACHABLE_MESSAGE } from "../api/problems";
import { useCart } from "../state/cart";
import { useCity } from "../state/city";
import { useSession } from "../state/session";
import { CartConflictDialog } from "./CartConflictDialog";
import { ErrorBox } from "./Feedback";

/** After a client-side navigation, move focus to the new page's heading. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }, [pathname]);
}

function PinIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"
      />
    </svg>
  );
}

export function Layout() {
  const { status, user, logout, refresh } = useSession();
  const { city } = useCity();
  const { count } = useCart();
  const navigate = useNavigate();
  // Signed out, the customer's header (browse, cart, sign in).
  const role = user?.role ?? "CUSTOMER";
  useFocusOnNavigate();

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              F
            </span>
            Food
          </Link>
          {role === "CUSTOMER" && (
            <Link to="/city" className="city-link">
              <PinIcon /> {city?.city_name ?? "Choose city"}
              {city && <span className="visually-hidden"> (change city)</span>}
            </Link>
          )}
          <nav aria-label="Main" className="main-nav">
            {role === "PARTNER" && <NavLink to="/partner">Restaurant console</NavLink>}
            {role === "RIDER" && <NavLink to="/rider">My job</NavLink>}
            {role === "CUSTOMER" && user && <NavLink to="/orders">Orders</NavLink>}
            {role === "CUSTOMER" && user && <NavLink to="/favourites">Favourites</NavLink>}
            {role === "CUSTOMER" && (
              <NavLink to="/cart">
                Cart
                {count > 0 && (
                  <span className="badge">
                    {count}
                    <span className="visually-hidden"> {count === 1 ? "item" : "items"}</span>
                  </span>
                )}
              </NavLink>
            )}
            {user ? (
              <button
                type="button"
                className="link-button"
                onClick={() => void logout().finally(() => navigate("/login"))}
              >
                Sign out
              </button>
            ) : (
              <NavLink to="/login">Sign in</NavLink>
            )}
          </nav>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {status === "unreachable" && (
          <ErrorBox message={UNREACHABLE_MESSAGE} onRetry={() => void refresh()} />
        )}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Pay by card, UPI or cash on delivery.</p>
      </footer>
      <CartConflictDialog />
    </>
  );
}
