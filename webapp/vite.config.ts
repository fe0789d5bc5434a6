import { defineConfig } from "vitest/config";

// No React plugin: esbuild compiles JSX with the automatic runtime. The build emits only
// external scripts and stylesheets, so the strict CSP (script-src 'self'; style-src
// 'self') holds without 'unsafe-inline'.
export default defineConfig({
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: "es2022",
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" (for React Server Components); moot here.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("use client")) return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` against a running stack (`nox -s up`).
    proxy: { "/api": process.env.FOOD_API_ORIGIN ?? "http://127.0.0.1:8080" },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
