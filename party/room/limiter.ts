/**
 * @module limiter
 * Token buckets: one per connection (a phone needs a handful of messages per round) and one per
 * room (so many sockets together cannot starve the room). A refused message gets an error frame;
 * a connection that keeps flooding is closed, and everyone else keeps being served.
 */
import type { BucketPolicy } from "../../core/limits";

export {
  CONNECTION_POLICY,
  JOIN_POLICY,
  MAX_VIOLATIONS,
  ROOM_POLICY,
  YJS_READER_POLICY,
  YJS_WRITER_POLICY,
} from "../../core/limits";

export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export const newBucket = (policy: BucketPolicy, now: number): Bucket => ({ tokens: policy.capacity, updatedAt: now });

/** Takes one message's token if there is one. */
export const take = (bucket: Bucket, policy: BucketPolicy, now: number): boolean => takeBytes(bucket, policy, now, 1);

/** Takes `cost` tokens (messages, or bytes) if the bucket has them; mutates it in place (memory only). */
export function takeBytes(bucket: Bucket, policy: BucketPolicy, now: number, bytes: number): boolean {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(policy.capacity, bucket.tokens + elapsed * policy.perSecond);
  bucket.updatedAt = now;
  if (bucket.tokens < bytes) return false;
  bucket.tokens -= bytes;
  return true;
}
