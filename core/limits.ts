/**
 * @module limits
 * Sizes that more than one place relies on: the API's and the room's schemas, the room's memory
 * layout and the template check. Each is here once, with the reason for its value.
 */

/**
 * Facilities rated on a per-facility domain (AAAQ): nine fit one projector table and one phone
 * ballot (core/facilities.ts).
 */
export const MAX_FACILITIES = 9;

/** Characters in a session's title: one line on the projector, the summary's heading and file name. */
export const TITLE_MAX = 120;
/** Characters in a facility's name (the one under review, or one rated on AAAQ). */
export const FACILITY_NAME_MAX = 120;

/** Characters kept per notes or action-items field of a domain (doc, summary, record command). */
export const NOTES_MAX = 4000;

/**
 * Characters in one field of the community directory (a name, contact details, hours): enough for
 * an address with phone and e-mail, short enough that a cell stays a cell in the report.
 */
export const DIRECTORY_FIELD_MAX = 200;
/**
 * Rows per table of the community directory: the seed's longest table has 18, and a community
 * adds its own. With {@link DIRECTORY_FIELD_MAX} this bounds the directory's text in the doc
 * (which every console and projector syncs whole) to 9 tables × 30 rows × 4 fields × 200 characters.
 */
export const DIRECTORY_ROWS_MAX = 30;
/**
 * Bytes a create request may have (`POST /api/rooms`): a few hundred for the session, plus the
 * community directory it may start from. That is at most 9 tables × 30 rows × 4 fields of 200
 * characters, at 3 bytes a character in UTF-8 plus the JSON around each field: about 680 KB.
 */
export const CREATE_BODY_MAX_BYTES = 768 * 1024;
/** Bytes any other request body may have: none of them carries more than a few hundred. */
export const BODY_MAX_BYTES = 16 * 1024;

/**
 * What the platform keeps with one hibernatable WebSocket (`serializeAttachment`): 2,048 bytes in
 * Cloudflare's documented limits (the local runtime allows 16 KiB; we hold to the smaller). An
 * open round's ballot lives there while its phone is connected, so it survives hibernation
 * without ever touching storage (docs/design.md §3.1, §6).
 */
export const ATTACHMENT_MAX_BYTES = 2048;
/**
 * Of those, what PartyServer's own bookkeeping takes: the connection id (twice, as id and as a tag),
 * the tags and the upgrade URL. The Worker bounds the URL by {@link MAX_SOCKET_URL_LENGTH} and the
 * connection id by {@link MAX_CONNECTION_ID_LENGTH}, so this is an upper bound.
 */
export const PLATFORM_ATTACHMENT_BYTES = 768;
/** The room's own part of the attachment: role, pass nonce, perspective, ballot (party/room/peer-state.ts). */
export const PEER_STATE_MAX_BYTES = ATTACHMENT_MAX_BYTES - PLATFORM_ATTACHMENT_BYTES;
/** Of the room's part, what everything but the ballot's code can take (field names, nonce, round id). */
export const PEER_STATE_FIXED_BYTES = 256;
/** The longest compact ballot (core/ballot-codec.ts) a template may need; checked per domain. */
export const BALLOT_CODE_MAX = PEER_STATE_MAX_BYTES - PEER_STATE_FIXED_BYTES;
/** Longest room socket URL the Worker passes on: PartyServer keeps it in the socket's attachment. */
export const MAX_SOCKET_URL_LENGTH = 512;
/** Longest connection id (`_pk`, chosen by the client) the Worker passes on, for the same reason. */
export const MAX_CONNECTION_ID_LENGTH = 64;

// --- rate limits of a room (token buckets, party/room/limiter.ts) --------------------------------

export interface BucketPolicy {
  /** Most messages accepted in a burst. */
  capacity: number;
  /** Sustained messages per second. */
  perSecond: number;
}

/** Phones send a hello, a ballot and a few changes per round; 30 in a burst is generous. */
export const CONNECTION_POLICY: BucketPolicy = { capacity: 30, perSecond: 3 };
/** Sized for 1,000 phones sending hello + ballot at the same instant, with room for retries. */
export const ROOM_POLICY: BucketPolicy = { capacity: 3000, perSecond: 1000 };
/** After this many refused messages a connection is closed (1008, policy violation). */
export const MAX_VIOLATIONS = 50;

/**
 * New participant passes per room: a burst of 300 for a room that joins at once, then 10 per
 * second (a 1,000-person room is in within about 70 s). A script minting passes to outvote the k
 * gate must do it at this pace, and every pass shows in "joined".
 */
export const JOIN_POLICY: BucketPolicy = { capacity: 300, perSecond: 10 };
/** Bytes a read-only Yjs socket (the projector) may send: sync requests and awareness are small. */
export const YJS_READER_POLICY: BucketPolicy = { capacity: 256 * 1024, perSecond: 16 * 1024 };
/** Bytes a facilitator's Yjs socket may send: typing notes, and a first sync of its edits. */
export const YJS_WRITER_POLICY: BucketPolicy = { capacity: 1024 * 1024, perSecond: 64 * 1024 };
