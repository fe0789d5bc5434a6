// axe-core in the page. Its source is evaluated over the DevTools protocol, which the
// page's CSP (script-src 'self') does not govern, so the app is checked under its real CSP.
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { env } from "./env";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Every violation on the page now; the caller fails on serious and critical ones. */
export async function axeCheck(page: Page, label: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async (tags) => {
    type Result = {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, TAGS);
  mkdirSync(env.artifacts, { recursive: true });
  appendFileSync(
    join(env.artifacts, "axe-results.jsonl"),
    JSON.stringify({ page: label, url: page.url(), violations: findings }) + "\n",
  );
  return findings;
}

export function serious(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact === "serious" || f.impact === "critical");
}
