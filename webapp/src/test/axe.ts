// axe-core on the rendered DOM, with the e2e suite's rule tags. jsdom lays nothing out,
// so colour contrast is left to the browser checks (e2e/support/axe.ts).
import axe from "axe-core";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The serious and critical findings in `root` (default: the whole document). */
export async function seriousFindings(root: Element | Document = document): Promise<string[]> {
  document.documentElement.lang ||= "en-IN"; // as index.html has it
  const result = await axe.run(root, {
    runOnly: { type: "tag", values: TAGS },
    rules: { "color-contrast": { enabled: false } },
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
