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

/**
 * The room's word that a pass's perspective was given while joining was open (§3.10): the phone
 * keeps it and sends it back, so the perspective still counts after a lock or a restart, and a
 * pass can't take on a new one once joining is closed.
 */
export const signPerspective = (secret: string, nonce: string, perspective: string): Promise<string> =>
  hmac(secret, `perspective:${nonce}:${perspective}`);

export async function verifyPerspective(secret: string, nonce: string, perspective: string, sig: string): Promise<boolean> {
  return constantTimeEqual(sig, await signPerspective(secret, nonce, perspective));
}

/**
 * A receipt for a pass's ballot in a round (§3.11): a re-vote of that round takes ballots only
 * with one. Signed, so the room needs to remember nothing about who voted.
 */
export const receiptFor = (secret: string, nonce: string, roundId: string): Promise<string> => hmac(secret, `voted:${nonce}:${roundId}`);

export async function verifyReceipt(secret: string, nonce: string, roundId: string, receipt: string): Promise<boolean> {
  return constantTimeEqual(receipt, await receiptFor(secret, nonce, roundId));
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
