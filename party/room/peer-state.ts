/**
 * @module room/peer-state
 * What a room keeps with each JSON socket, in the socket's attachment: who it is (phone, projector,
 * console) and, for a phone, its pass's nonce, its perspective and its ballots for the open rounds
 * (compact, core/ballot-codec.ts): one in the one-topic flow, one per answered topic of a
 * self-paced set, all within the attachment's budget (core/self-paced.ts). The attachment survives hibernation and dies with the socket; it
 * is never written to storage. Read back, it is validated like any input.
 */
import { z } from "zod";
import { BALLOT_CODE_MAX, PEER_STATE_MAX_BYTES } from "../../core/limits";
import { PerspectiveSchema } from "../../core/protocol";

const PEER_STATE_VERSION = 1;

const Nonce = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const RoundId = z.string().regex(/^[A-Za-z0-9_.:#-]{1,64}$/);
const HeldSchema = z.strictObject({ roundId: RoundId, code: z.string().max(BALLOT_CODE_MAX) });
export type HeldBallot = z.infer<typeof HeldSchema>;

export const PeerStateSchema = z.discriminatedUnion("role", [
  /** Connected, hello not yet received (the phone's owner may still be reading the notice). */
  z.strictObject({ v: z.literal(PEER_STATE_VERSION), role: z.literal("none") }),
  z.strictObject({ v: z.literal(PEER_STATE_VERSION), role: z.literal("screen") }),
  z.strictObject({ v: z.literal(PEER_STATE_VERSION), role: z.literal("facilitator") }),
  z.strictObject({
    v: z.literal(PEER_STATE_VERSION),
    role: z.literal("phone"),
    nonce: Nonce,
    perspective: z.optional(PerspectiveSchema),
    /** An attachment written before self-paced sets: its one ballot (read into `ballots`). */
    ballot: HeldSchema.optional(),
    ballots: z.array(HeldSchema).min(1).max(64).optional(),
  }),
]);
export type PeerState = z.infer<typeof PeerStateSchema>;
export type PhoneState = Extract<PeerState, { role: "phone" }>;

export const NO_ROLE: PeerState = { v: PEER_STATE_VERSION, role: "none" };
export const asScreen: PeerState = { v: PEER_STATE_VERSION, role: "screen" };
export const asFacilitator: PeerState = { v: PEER_STATE_VERSION, role: "facilitator" };
export const asPhone = (nonce: string, perspective?: PhoneState["perspective"], ballots: readonly HeldBallot[] = []): PhoneState => ({
  v: PEER_STATE_VERSION,
  role: "phone",
  nonce,
  ...(perspective ? { perspective } : {}),
  ...(ballots.length > 0 ? { ballots: [...ballots] } : {}),
});

/** The ballots a phone's attachment holds, whichever way it was written. */
export const heldBallots = (state: PhoneState): HeldBallot[] => [...(state.ballots ?? []), ...(state.ballot ? [state.ballot] : [])];

/**
 * Attachments already read, by identity: the platform hands back the same object until the room
 * sets a new one (it never changes one in place), so each is validated once, not once per ballot.
 */
const readBefore = new WeakMap<object, PeerState>();

/** The socket's state, or "none" for anything unreadable (a socket from an older deploy, say). */
export function readPeerState(raw: unknown): PeerState {
  const cacheable = typeof raw === "object" && raw !== null;
  const known = cacheable ? readBefore.get(raw) : undefined;
  if (known) return known;
  const parsed = PeerStateSchema.safeParse(raw);
  const state = parsed.success ? parsed.data : NO_ROLE;
  if (cacheable) readBefore.set(raw, state);
  return state;
}

/**
 * Whether `state` fits the room's share of the attachment. For these ASCII-only values JSON's
 * length is at least the platform's serialised size, so a state that passes always fits.
 */
export const fitsAttachment = (state: PeerState): boolean => JSON.stringify(state).length <= PEER_STATE_MAX_BYTES;
