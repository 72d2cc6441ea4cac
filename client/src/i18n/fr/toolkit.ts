/**
 * @module i18n/fr/toolkit
 * French: the strings of the toolkit pages (toolkit page, home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "toolkit.docTitle": "La boîte à outils — Candor",
  "toolkit.heading": "La boîte à outils : recommandations, ressources et définitions",
  "toolkit.intro":
    "Ce que la boîte à outils recommande pour chaque thème, les ressources qu'elle cite et les termes qu'elle définit, à lire avant un atelier ou à consulter pendant. Le texte est celui de la boîte à outils.",
  "toolkit.contents": "Thèmes",
  "toolkit.generalResources": "Ressources pour tous les thèmes",
  "toolkit.definitions": "Définitions",
  "toolkit.noGuidance": "La boîte à outils ne donne pas de recommandations propres pour ce thème.",
  "toolkit.noResources": "La boîte à outils ne cite aucune ressource sous ce titre.",
  "toolkit.newTab": "(s'ouvre dans un nouvel onglet)",
  "toolkit.portal": "Les documents de l'éditeur : {title}",
  "toolkit.failed": "La boîte à outils n'a pas pu être chargée.",
  "toolkit.link": "Lire la boîte à outils : recommandations, ressources et définitions par thème",
  "toolkit.inEnglish": "Les conseils et les ressources sont en anglais : ils ne sont pas traduits.",
} satisfies Record<string, string>;
export default messages;
