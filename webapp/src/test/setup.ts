import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  if (typeof window === "undefined") return; // a node-environment test file
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
