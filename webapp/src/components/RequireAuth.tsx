import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { loginPath, useSession } from "../state/session";
import { Skeleton } from "./Feedback";

/** Pages for signed-in customers: others go to the login page and come back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === "loading") return <Skeleton rows={2} />;
  if (status === "unreachable") return null; // the layout shows the error and a retry
  if (status !== "signedIn") {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return children;
}
