/**
 * @module i18n/es/session
 * Spanish: the strings of the pages that show a session's answers and facilities (phone, projector, console, home). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  // ---- answers and perspectives ----
  "answer.yes": "Sí",
  "answer.no": "No",
  "answer.na": "No corresponde",
  "answer.na.short": "N/C",
  "timer.left": "Tiempo restante",
  "facilities.caption": "Cómo calificaron las personas a cada centro: {domain}",
  "facilities.facility": "Centro",
  "facilities.median": "Mediana",
  "facilities.status": "Estado",
  "facilities.hidden": "Muy pocas calificaciones para mostrar",
  "facilities.withheld": "No se muestra (vea arriba)",
  "facilities.recorded": "Registrado: {v}",
  "facilities.recordedNone": "Registrado: sin consenso",
  "facilities.role.yours": "Su centro",
  "facilities.role.underReview": "En evaluación",
  "facilities.editor.hint":
    "Su propio centro y cada organización de su red de derivación, que se califican uno por uno en este orden (hasta {max}). Marque su centro y el centro evaluado si están en la lista. Puede cambiar la lista en la consola hasta que se abra el tema.",
  "facilities.editor.nameLabel": "Centro {n}",
  "facilities.editor.remove": "Quitar",
  "facilities.editor.add": "Añadir un centro",
  "facilities.editor.pickLabel": "O elija uno:",
  "facilities.editor.pickChoose": "Elegir…",
  "facilities.editor.pickAdd": "Añadir",
  "facilities.editor.twice": "«{name}» aparece dos veces.",
  "scale.dontKnowAdded": "«{label}» es un agregado de Candor, no del kit de herramientas: en esta escala, el N/A del kit significa «{na}».",

  // ---- toolkit terms explained where they appear ----
  "terms.seeDefinition": "ver la definición",
  "terms.named": "{term}: {text}",
  "terms.standsFor": "{term} significa:",
} satisfies Record<string, string>;
export default messages;
