// The replay cache is split into buckets of 600 s of signature time, one collection per
// bucket ("request_signatures_<bucket>"). A signature with timestamp t is only accepted
// while |now - t| <= 300 s, and it is always recorded in the bucket of its own t, so
// copies of one signature always meet in the same bucket; a bucket whose every t is
// outside the window is dropped whole (O(1) on every backend: FerretDB has no TTL
// indexes, and a range delete there reads the whole collection).
export const NONCE_BUCKET_SECONDS = 600;
export const SIGNATURE_WINDOW_SECONDS = 300;
export const NONCE_COLLECTION_PREFIX = 'request_signatures_';

export const nonceBucket = (tSec) => Math.floor(tSec / NONCE_BUCKET_SECONDS);

/** Buckets (of those given) in which no signature can be accepted any more at nowSec. */
export function staleNonceBuckets(buckets, nowSec) {
  // Every t in bucket b is < (b + 1) * 600, so after (b + 1) * 600 + 300 none is fresh.
  return buckets.filter((b) => (b + 1) * NONCE_BUCKET_SECONDS + SIGNATURE_WINDOW_SECONDS < nowSec);
}
