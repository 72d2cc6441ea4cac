/**
 * @module i18n/en/toolkit
 * English: the strings of the toolkit pages (toolkit page, home, console). Conventions: ./shared.ts.
 */
const messages = {
  "toolkit.docTitle": "The toolkit — Candor",
  "toolkit.heading": "The toolkit: guidance, resources and definitions",
  "toolkit.intro":
    "What the toolkit advises for each topic, the resources it lists and the terms it defines, to read before a workshop or to look something up during one. The text is the toolkit's own.",
  "toolkit.contents": "Topics",
  "toolkit.generalResources": "Resources for every topic",
  "toolkit.definitions": "Definitions",
  "toolkit.noGuidance": "The toolkit gives no guidance of its own for this topic.",
  "toolkit.noResources": "The toolkit lists no resources under this heading.",
  "toolkit.newTab": "(opens in a new tab)",
  "toolkit.portal": "The publisher's materials: {title}",
  "toolkit.failed": "The toolkit could not be loaded.",
  "toolkit.link": "Read the toolkit: guidance, resources and definitions by topic",
  "toolkit.inEnglish": "The guidance and resources are in English: they are not translated.",
} as const;
export default messages;
