/**
 * @module i18n/es/toolkit
 * Spanish: the strings of the toolkit pages (toolkit page, home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "toolkit.docTitle": "El kit de herramientas — Candor",
  "toolkit.heading": "El kit de herramientas: orientación, recursos y definiciones",
  "toolkit.intro":
    "Lo que recomienda el kit de herramientas para cada tema, los recursos que menciona y los términos que define, para leer antes de un taller o consultar durante uno. El texto es el del propio kit.",
  "toolkit.contents": "Temas",
  "toolkit.generalResources": "Recursos para todos los temas",
  "toolkit.definitions": "Definiciones",
  "toolkit.noGuidance": "El kit de herramientas no da orientación propia para este tema.",
  "toolkit.noResources": "El kit de herramientas no menciona recursos en este apartado.",
  "toolkit.newTab": "(se abre en una pestaña nueva)",
  "toolkit.portal": "Materiales del editor: {title}",
  "toolkit.failed": "No se pudo cargar el kit de herramientas.",
  "toolkit.link": "Leer el kit de herramientas: orientación, recursos y definiciones por tema",
  "toolkit.inEnglish": "Las orientaciones y los recursos están en inglés: no están traducidos.",
} satisfies Record<string, string>;
export default messages;
