/**
 * @module lib/bidi
 * Names from a session (its title, facility names) set inside a sentence of the interface: wrapped
 * in Unicode's first-strong isolate (U+2068 … U+2069), so an Arabic name in an English sentence,
 * or a Latin one in an Arabic sentence, keeps its own order and leaves the sentence's alone. In
 * markup of its own, a name goes in <bdi> instead.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
