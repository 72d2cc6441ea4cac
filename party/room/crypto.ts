/**
 * @module crypto
 * Signing and hashing with WebCrypto. Participant tokens and write tickets are HMAC-signed by the
 * room's own secret, so the room verifies them after a restart without ever storing them.
 */
import { hmacTag as hmac, randomBase64url } from "../../core/encoding";

export { sha256Hex, viewTicket } from "../../core/encoding";

/** Compares without an early exit, so the time taken says nothing about where strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** A new anonymous participant token `<nonce>.<sig>`; the nonce is what ballots are keyed by. */
export async function issueToken(secret: string): Promise<{ token: string; nonce: string }> {
  const nonce = randomBase64url(16);
  return { token: `${nonce}.${await hmac(secret, `token:${nonce}`)}`, nonce };
}

/** The token's nonce if the room signed it, else null. */
export async function verifyToken(secret: string, token: string): Promise<string | null> {
  const [nonce, sig] = token.split(".");
  if (!nonce || !sig) return null;
  return constantTimeEqual(sig, await hmac(secret, `token:${nonce}`)) ? nonce : null;
}

/** A ticket that makes a facilitator's Yjs connection writable until `expiresAt` (epoch ms). */
export async function issueWriteTicket(secret: string, expiresAt: number): Promise<string> {
  return `${expiresAt}.${await hmac(secret, `write:${expiresAt}`)}`;
}

export async function verifyWriteTicket(secret: string, ticket: string, now: number): Promise<boolean> {
  const [exp, sig] = ticket.split(".");
  const expiresAt = Number(exp);
  if (!sig || !Number.isSafeInteger(expiresAt) || expiresAt < now) return false;
  return constantTimeEqual(sig, await hmac(secret, `write:${expiresAt}`));
}
