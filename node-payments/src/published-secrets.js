// Secret values published in this repository, and the pattern of placeholder text: in
// production both services refuse them. The list has one home, shared with the API:
// contracts/published-secrets.json (copied beside the app in deploy/Dockerfile.payments).
// test/config.test.js scans the repository and fails when a secret published there is
// neither in the list nor refused as a placeholder.
import { readFileSync } from 'node:fs';

const contract = JSON.parse(
  readFileSync(new URL('../../contracts/published-secrets.json', import.meta.url), 'utf8'),
);

export const PUBLISHED_SECRETS = Object.freeze(new Set(contract.secrets));

// Words that mark a value as a placeholder someone forgot to replace.
export const PLACEHOLDER_PATTERN = new RegExp(contract.placeholder_pattern, 'i');
