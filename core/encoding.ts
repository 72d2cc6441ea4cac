/**
 * @module encoding
 * Byte encodings and hashing shared by the Worker and the room (WebCrypto exists in both).
 */

export function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `byteCount` bytes from the platform CSPRNG, base64url: ids, keys, secrets, token nonces. */
export function randomBase64url(byteCount: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. The room stores the facilitator key only so. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Imported HMAC keys by secret: a room signs with one secret many times (passes, receipts). */
const hmacKeys = new Map<string, Promise<CryptoKey>>();
const MAX_CACHED_KEYS = 64;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    if (hmacKeys.size >= MAX_CACHED_KEYS) hmacKeys.delete(hmacKeys.keys().next().value!);
    hmacKeys.set(secret, key);
  }
  return key;
}

/** A 128-bit HMAC-SHA-256 tag of `message` under `secret`, base64url. */
export async function hmacTag(secret: string, message: string): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), new TextEncoder().encode(message)));
  return base64url(sig.slice(0, 16));
}

/**
 * The projector's capability: it may read the room's doc (results, notes) but not write it. The
 * Worker derives it when it creates the room and puts it in the projector link's fragment; the
 * room derives it again to check it. Anyone with only the join code has neither.
 */
export const viewTicket = (roomSecret: string): Promise<string> => hmacTag(roomSecret, "view");
