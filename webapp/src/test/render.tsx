import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation } from "react-router";
import { App } from "../App";

let location = "";
function LocationProbe() {
  const here = useLocation();
  location = here.pathname + here.search;
  return null;
}

/** The whole app (providers and routes) at `path`, against the fake fetch. */
export function renderApp(path: string) {
  const user = userEvent.setup();
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <App />
      <LocationProbe />
    </MemoryRouter>,
  );
  return { ...view, user, location: () => location };
}
