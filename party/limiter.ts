/**
 * @module limiter
 * Token buckets: one per connection (a phone needs a handful of messages per round) and one per
 * room (so many sockets together cannot starve the room). A refused message gets an error frame;
 * a connection that keeps flooding is closed, and everyone else keeps being served.
 */
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketPolicy {
  /** Most messages accepted in a burst. */
  capacity: number;
  /** Sustained messages per second. */
  perSecond: number;
}

/** Phones send a hello, a ballot and a few changes per round; 30 in a burst is generous. */
export const CONNECTION_POLICY: BucketPolicy = { capacity: 30, perSecond: 3 };
/** Sized for 300 phones sending hello + ballot at the same instant. */
export const ROOM_POLICY: BucketPolicy = { capacity: 2000, perSecond: 1000 };
/** After this many refused messages a connection is closed (1008, policy violation). */
export const MAX_VIOLATIONS = 50;

export const newBucket = (policy: BucketPolicy, now: number): Bucket => ({ tokens: policy.capacity, updatedAt: now });

/** Takes one token if there is one; mutates the bucket in place (it lives in memory only). */
export function take(bucket: Bucket, policy: BucketPolicy, now: number): boolean {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(policy.capacity, bucket.tokens + elapsed * policy.perSecond);
  bucket.updatedAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
