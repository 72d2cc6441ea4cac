/**
 * @module i18n/en/organizer
 * English: what the organizer's and facilitator's pages share and a phone never shows: the join
 * line (projector, console, the created session) and the lost-key warning (home, console).
 */
const messages = {
  "join.heading": "Join on your phone",
  "join.qrAlt": "QR code that opens {url}",
  "join.codeLabel": "Or go to {url} and enter the code",
  "join.line": "Join at {url} with code {code}",
  "keys.lost.heading": "If the facilitator link is lost",
  "keys.lost.noBackDoor":
    "There is no back door. Candor keeps only a fingerprint of the key, so nobody can open the console without the link: not the organizer, not whoever runs this installation.",
  "keys.lost.erasesOn":
    "Nobody can then end the session, download its summary or delete it. It erases itself, with everything in it, when its retention ends on {date}.",
  "keys.lost.erases":
    "Nobody can then end the session, download its summary or delete it. It erases itself, with everything in it, when its retention ends: after the number of days chosen when it was created (30 unless changed, at most 90).",
} as const;
export default messages;
