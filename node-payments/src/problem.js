// application/problem+json responses (RFC 9457).
import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Build a problem document.
 * @param {number} status
 * @param {string} code
 * @param {string} detail
 * @param {{title?: string, errors?: Array<{field: string, message: string}>}} [extra]
 */
export function problem(status, code, detail, extra = {}) {
  const doc = {
    type: `urn:food-payments:problem:${code}`,
    title: extra.title ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
  };
  if (extra.errors && extra.errors.length > 0) doc.errors = extra.errors;
  return doc;
}

/** Send a problem document on an Express response. */
export function sendProblem(res, status, code, detail, extra = {}) {
  if (extra.headers) {
    for (const [name, value] of Object.entries(extra.headers)) res.setHeader(name, value);
  }
  res.status(status);
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.send(JSON.stringify(problem(status, code, detail, extra)));
}
