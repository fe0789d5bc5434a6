// Debian's Chromium driven by playwright-core: no browser download.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { env } from "./env";

// Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: env.chromium, headless: true, args: ARGS, timeout: 60_000 });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and uncaught page errors seen so far. */
  problems: string[];
}

export async function openTab(
  browser: Browser,
  options: { width?: number; height?: number; mobile?: boolean } = {},
): Promise<Tab> {
  const context = await browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    locale: "en-IN",
    timezoneId: "Asia/Kolkata",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  return { context, page, problems };
}

/** Another tab of the same browser context: the same signed-in customer (cookies are
 * shared), with its own sessionStorage (so its own checkout attempt and keys). Its
 * problems join the tab's. */
export async function anotherTab(tab: Tab): Promise<Page> {
  const page = await tab.context.newPage();
  watch(page, tab.problems);
  return page;
}

function watch(page: Page, problems: string[]): void {
  page.on("console", (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(env.artifacts, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  // Let fonts and the last render settle.
  await page.evaluate(() => document.fonts.ready.then(() => window.scrollTo(0, 0)));
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}
