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

/** Takes one message's token if there is one. */
export const take = (bucket: Bucket, policy: BucketPolicy, now: number): boolean => takeBytes(bucket, policy, now, 1);

/** New participant passes per room: a burst for a room that joins at once, then 2 per second. */
export const JOIN_POLICY: BucketPolicy = { capacity: 300, perSecond: 2 };
/** Bytes a read-only Yjs socket (the projector) may send: sync requests and awareness are small. */
export const YJS_READER_POLICY: BucketPolicy = { capacity: 256 * 1024, perSecond: 16 * 1024 };
/** Bytes a facilitator's Yjs socket may send: typing notes, and a first sync of its edits. */
export const YJS_WRITER_POLICY: BucketPolicy = { capacity: 1024 * 1024, perSecond: 64 * 1024 };

/** Takes `cost` tokens (messages, or bytes) if the bucket has them; mutates it in place (memory only). */
export function takeBytes(bucket: Bucket, policy: BucketPolicy, now: number, bytes: number): boolean {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(policy.capacity, bucket.tokens + elapsed * policy.perSecond);
  bucket.updatedAt = now;
  if (bucket.tokens < bytes) return false;
  bucket.tokens -= bytes;
  return true;
}
