#!/usr/bin/env node
// `npm run lint`: syntax-check every JavaScript file (node --check), and refuse
// console.log in src/ (logs go through the JSON logger).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(m?js)$/.test(name)) files.push(full);
  }
})(root);

let failed = 0;
for (const file of files) {
  try {
    execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
  } catch (err) {
    failed += 1;
    process.stderr.write(`${path.relative(root, file)}: ${String(err.stderr)}\n`);
  }
  const rel = path.relative(root, file);
  if (rel.startsWith(`src${path.sep}`) && /\bconsole\.(log|info|debug)\(/.test(readFileSync(file, 'utf8'))) {
    failed += 1;
    process.stderr.write(`${rel}: use the JSON logger, not console\n`);
  }
}
process.stdout.write(`checked ${files.length} files, ${failed} problem(s)\n`);
process.exit(failed ? 1 : 0);
