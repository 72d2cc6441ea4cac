/**
 * @module i18n/en/errors
 * English: the API's error codes as the home page and the console word them (lib/apiErrorText.ts).
 */
const messages = {
  "apiError.invalid-request": "Some details were not accepted: check the fields marked.",
  "apiError.malformed-json": "The server could not read the request. Reload the page and try again.",
  "apiError.unauthorized": "The facilitator key is missing.",
  "apiError.forbidden": "The server refused this request.",
  "apiError.not-found": "The server could not find what was asked for.",
  "apiError.method-not-allowed": "The server does not allow this request.",
  "apiError.too-large": "The request is too large.",
  "apiError.unsupported-media-type": "The server could not read the request’s format. Reload the page and try again.",
  "apiError.bad-request": "The server could not handle the request.",
  "apiError.internal": "The server had a problem. Try again in a moment.",
  "apiError.cross-origin": "Requests from another site are refused. Open this page at its own address.",
  "apiError.too-many-joins": "Too many attempts from this network: try again in a few seconds.",
  "apiError.misconfigured": "The server is not set up correctly. Tell whoever runs it.",
  "apiError.unavailable": "The session service is unavailable just now. Try again in a moment.",
  "apiError.no-room": "This session no longer exists.",
  "apiError.wrong-key": "The server refused the facilitator key.",
  "apiError.room-exists": "A session with this address already exists. Try again.",
  "apiError.room-service-error": "The session service had a problem. Try again in a moment.",
  "apiError.unknown-template": "This assessment is not available on this server.",
  "apiError.unknown-join-code": "No session has this code.",
  "apiError.key-required": "The facilitator key is missing.",
  "apiError.invalid-format": "That format is not available.",
  "apiError.no-free-code": "No join code is free just now. Try again.",
  "apiError.field": "The server did not accept this field: check it.",
  "apiError.unexpected": "The server’s answer could not be read. Reload the page and try again.",
  "apiError.unknown-language": "That language is not available.",
} as const;
export default messages;
