/**
 * @module i18n/pt/toolkit
 * Portuguese: the strings of the toolkit pages (toolkit page, home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "toolkit.docTitle": "O kit de ferramentas — Candor",
  "toolkit.heading": "O kit de ferramentas: orientações, recursos e definições",
  "toolkit.intro":
    "O que o kit de ferramentas recomenda para cada tema, os recursos que ele lista e os termos que define, para ler antes de uma oficina ou consultar durante. O texto é o do próprio kit.",
  "toolkit.contents": "Temas",
  "toolkit.generalResources": "Recursos para todos os temas",
  "toolkit.definitions": "Definições",
  "toolkit.noGuidance": "O kit de ferramentas não dá orientações próprias para este tema.",
  "toolkit.noResources": "O kit de ferramentas não lista recursos neste item.",
  "toolkit.newTab": "(abre em uma nova aba)",
  "toolkit.portal": "Os materiais da editora: {title}",
  "toolkit.failed": "Não foi possível carregar o kit de ferramentas.",
  "toolkit.link": "Ler o kit de ferramentas: orientações, recursos e definições por tema",
  "toolkit.inEnglish": "As orientações e os recursos estão em inglês: não foram traduzidos.",
} satisfies Record<string, string>;
export default messages;
