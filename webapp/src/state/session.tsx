// Who is signed in. The session itself is the HttpOnly cookie; this mirrors GET /me.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { onSessionExpired } from "../api/client";
import { api } from "../api/endpoints";
import { ApiError } from "../api/errors";
import type { LoginBody, SignupBody, User } from "../api/types";
import { clearAttempt } from "../checkout/attempt";

export type SessionStatus = "loading" | "signedIn" | "signedOut" | "unreachable";

export interface SessionValue {
  status: SessionStatus;
  user: User | null;
  login(body: LoginBody): Promise<User>;
  signup(body: SignupBody): Promise<User>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function loginPath(next: string, expired = false): string {
  const query = new URLSearchParams();
  if (next && next !== "/login") query.set("next", next);
  if (expired) query.set("expired", "1");
  const text = query.toString();
  return text ? `/login?${text}` : "/login";
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>("loading");
  const [user, setUser] = useState<User | null>(null);
  const navigate = useNavigate();
  const location = useLocation();

  const refresh = useCallback(async () => {
    try {
      const me = await api.me();
      setUser(me);
      setStatus("signedIn");
    } catch (error) {
      setUser(null);
      setStatus(error instanceof ApiError && error.status < 500 ? "signedOut" : "unreachable");
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A 401 from any call while signed in: the session expired or was revoked.
  const userRef = useRef(user);
  userRef.current = user;
  const hereRef = useRef("");
  hereRef.current = location.pathname + location.search;
  useEffect(
    () =>
      onSessionExpired(() => {
        const wasSignedIn = userRef.current !== null;
        setUser(null);
        setStatus("signedOut");
        if (wasSignedIn) navigate(loginPath(hereRef.current, true), { replace: true });
      }),
    [navigate],
  );

  const value = useMemo<SessionValue>(
    () => ({
      status,
      user,
      refresh,
      async login(body) {
        const session = await api.login(body);
        setUser(session.user);
        setStatus("signedIn");
        return session.user;
      },
      async signup(body) {
        const session = await api.signup(body);
        setUser(session.user);
        setStatus("signedIn");
        return session.user;
      },
      async logout() {
        try {
          await api.logout();
        } finally {
          clearAttempt();
          setUser(null);
          setStatus("signedOut");
        }
      },
    }),
    [status, user, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
