/**
 * @module ids
 * Random identifiers and secrets, all from the platform CSPRNG (`crypto.getRandomValues`), and the
 * SHA-256 under which a room stores its facilitator key.
 */
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../core/api";
import { randomBase64url } from "../core/encoding";

export { base64url, sha256Hex } from "../core/encoding";

/** 128 random bits, 22 base64url characters (matches `RoomIdSchema`). */
export const newRoomId = (): string => randomBase64url(16);

/** The facilitator key: 256 random bits. It lives only in the facilitator URL's fragment. */
export const newFacilitatorKey = (): string => randomBase64url(32);

/** The room's signing secret for participant tokens and write tickets: 256 random bits. */
export const newRoomSecret = (): string => randomBase64url(32);

/**
 * A join code: {@link JOIN_CODE_LENGTH} characters drawn uniformly from {@link JOIN_CODE_ALPHABET}.
 * Bytes ≥ the largest multiple of the alphabet size that fits in a byte are rejected, so `b % n`
 * has no modulo bias (with 25 letters: 0..249 are kept, 250..255 drawn again).
 */
export function newJoinCode(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const n = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const b of random(new Uint8Array(JOIN_CODE_LENGTH * 2))) {
      if (b >= limit) continue;
      code += JOIN_CODE_ALPHABET[b % n];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code;
}
