// Generate src/api/schema.d.ts from the API's OpenAPI document, or check it is current.
//
//   node scripts/gen-api.mjs           regenerate the committed file
//   node scripts/gen-api.mjs --check   exit 1 when the committed file differs (drift)
//
// The document comes from FOOD_OPENAPI_JSON (a file) when set; otherwise the app itself
// is asked for it: `python -m tests.e2e.openapi_dump` from the repository root, with
// FOOD_PYTHON, or ../.venv/bin/python, or python3.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const webapp = resolve(here, "..");
const repo = resolve(webapp, "..");
const target = resolve(webapp, "src/api/schema.d.ts");

const HEADER = `// GENERATED from the API's OpenAPI document by \`npm run gen:api\`; do not edit.
// The drift test (src/api/schema.drift.test.ts) fails when the API changes and this
// file was not regenerated.

`;

function pythonExecutable() {
  if (process.env.FOOD_PYTHON) return process.env.FOOD_PYTHON;
  const venv = resolve(repo, ".venv/bin/python");
  return existsSync(venv) ? venv : "python3";
}

export function readDocument() {
  const file = process.env.FOOD_OPENAPI_JSON;
  if (file) return JSON.parse(readFileSync(file, "utf8"));
  const out = execFileSync(pythonExecutable(), ["-m", "tests.e2e.openapi_dump"], {
    cwd: repo,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, FOOD_ENV: "test", FOOD_PAYMENTS_URL: "fake://" },
  });
  return JSON.parse(out);
}

export async function generate(document) {
  const ast = await openapiTS(document, { alphabetize: true });
  return HEADER + astToString(ast);
}

async function main() {
  const check = process.argv.includes("--check");
  const generated = await generate(readDocument());
  if (!check) {
    writeFileSync(target, generated);
    console.log(`wrote ${target}`);
    return;
  }
  const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (committed !== generated) {
    console.error(
      "src/api/schema.d.ts is out of date with the API's OpenAPI document: run `npm run gen:api`",
    );
    process.exit(1);
  }
  console.log("src/api/schema.d.ts matches the API's OpenAPI document");
}

await main();
