// @vitest-environment node
// The committed types must be what the API's current OpenAPI document generates.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

test("src/api/schema.d.ts matches the API's OpenAPI document", () => {
  const script = fileURLToPath(new URL("../../scripts/gen-api.mjs", import.meta.url));
  let output: string;
  try {
    output = execFileSync(process.execPath, [script, "--check"], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`schema drift:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`, { cause: error });
  }
  expect(output).toContain("matches");
}, 120_000);
