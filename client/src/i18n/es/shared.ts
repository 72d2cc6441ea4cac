/**
 * @module i18n/es/shared
 * Spanish (neutral Latin American), translated from `en/`: every key, the same `{placeholders}`.
 * An unofficial translation by Candor, not ICMEC's (the screens say so once). Participants are addressed
 * as "usted": calm and respectful, and the same in every country.
 *
 * Glossary (use these words, and only these, for the same things):
 * - topic: tema · facilitator: facilitador(a) → "el facilitador" in running text · participant: participante
 * - consensus: consenso (recorded consensus: consenso registrado) · answer/ballot: respuestas (never "voto secreto")
 * - rating: calificación; to rate: calificar · reveal: mostrar los resultados · round: ronda · voting closes: se cierra la votación
 * - k gate: "umbral de anonimato (k)"; "at least {n} people have rated": "al menos {n} personas hayan calificado"
 * - Don't know: "No sé" · Service not available: "Servicio no disponible" · facility: centro (de salud)
 * - AAAQ: Disponibilidad, Accesibilidad, Aceptabilidad y Calidad (AAAQ, sigla del kit) · HT/E: trata y explotación de personas
 * - pass: pase · action item: acción · summary: resumen · toolkit: kit de herramientas · join code: código de la sesión
 * Plural "many" (CLDR: whole millions, "1.000.000 de …") reads as "other": no session has a million people.
 *
 * This file: the strings every page uses. The page's other areas sit beside it (see ../areas.ts).
 */
const messages = {
  // ---- app-wide ----
  "app.name": "Candor",
  "app.tagline": "Evaluación grupal anónima que solo conserva el consenso",
  "app.credit":
    "Preguntas de la evaluación tomadas de: International Centre for Missing & Exploited Children (ICMEC), Health & Mental Health Service Assessment Toolkit, 2.ª ed.",
  "common.loading": "Cargando…",
  "common.networkError": "No pudimos conectar con el servidor. Revise la conexión y vuelva a intentarlo.",
  "common.tryAgain": "Volver a intentar",
  "common.cancel": "Cancelar",
  "common.copied": "Copiado",
  "common.copyFailed": "No se pudo copiar: seleccione el texto y cópielo a mano.",
  "common.required": "(obligatorio)",
  "common.close": "Cerrar",
  "common.charCount": "{n} / {max}",
  "common.charsLeft": "Quedan {n} caracteres",
  "common.charLimitReached": "Se alcanzó el límite de {max} caracteres",

  // ---- i18n ----
  "language.label": "Idioma",
  "language.unofficial": "Traducción no oficial de Candor; el kit de herramientas original está en inglés (ICMEC).",
} satisfies Record<string, string>;
export default messages;
