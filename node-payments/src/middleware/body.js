// Body handling for /v1: read the raw bytes once (the signature covers them), limit
// the size, check the content type, then parse JSON. Parse errors never echo input.
import express from 'express';
import { HttpError } from '../errors.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** Raw body as a Buffer in req.rawBody (empty Buffer when there is none). 413 past the limit. */
export function readRawBody() {
  const raw = express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false });
  return function readRawBodyMiddleware(req, res, next) {
    raw(req, res, (err) => {
      if (err) return next(err);
      req.rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      req.body = undefined;
      return next();
    });
  };
}

function isJsonContentType(value) {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  for (const p of params) {
    const [name, val] = p.split('=').map((s) => s?.trim());
    if (name === 'charset' && val?.replace(/"/g, '') !== 'utf-8') return false;
  }
  return true;
}

/** Parse req.rawBody as JSON into req.body (undefined when empty). 415 / 400 on bad input. */
export function parseJsonBody() {
  return function parseJsonBodyMiddleware(req, res, next) {
    if (req.method === 'GET' || req.method === 'HEAD' || req.rawBody.length === 0) {
      req.body = undefined;
      return next();
    }
    if (!isJsonContentType(req.get('content-type'))) {
      return next(new HttpError('unsupported_media_type', 'the request body must be JSON sent as Content-Type: application/json'));
    }
    try {
      req.body = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      // Deliberately not the parser's message: V8 quotes the input, which may hold card data.
      return next(new HttpError('malformed_json', 'the request body is not valid JSON'));
    }
    return next();
  };
}
