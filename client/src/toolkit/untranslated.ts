/**
 * @module toolkit/untranslated
 * The toolkit's guidance and resources (Sections III and IV) are not translated (the Worker lists
 * them in `inEnglish`, core/toolkit.ts): their words keep the toolkit's English and its direction on
 * every page, so a screen reader reads them as English and an Arabic page does not move their full
 * stops and brackets to the wrong end. Spread on each element that holds only the toolkit's words.
 */
export const UNTRANSLATED = { lang: "en", dir: "ltr" } as const;
