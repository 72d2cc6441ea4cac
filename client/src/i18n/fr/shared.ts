/**
 * @module i18n/fr/shared
 * French (international, no regional forms), translated from `en/`: every key, the same
 * `{placeholders}`. An unofficial translation by Candor, not ICMEC's (the screens say so once).
 * Participants are addressed as "vous". French typography: a no-break space before « : » and inside
 * guillemets, a narrow no-break space before « ? ! ; ».
 *
 * Glossary (use these words, and only these, for the same things):
 * - topic: thème · facilitator: « la personne qui anime » (phone), « animation » in names: console d'animation, lien d'animation
 * - participant: participant · consensus: consensus (recorded consensus: consensus enregistré) · answers/ballot: réponses
 * - rating: note; to rate: noter · reveal: afficher les résultats · round: tour · voting closes: le vote est clos
 * - k gate: « seuil d'anonymat (k) »; "at least {n} people have rated": « au moins {n} personnes ont donné une note »
 * - Don't know: « Je ne sais pas » · Service not available: « Service non disponible » · facility: établissement
 * - AAAQ: Disponibilité, Accessibilité, Acceptabilité, Qualité (sigle anglais AAAQ gardé) · HT/E: traite et exploitation des êtres humains
 * - pass: laissez-passer · action item: action · summary: synthèse · toolkit: boîte à outils · join code: code de la session
 * Plural "one" covers 0 and 1 in French; "many" (CLDR: whole millions, « 1 000 000 de … ») reads as "other".
 *
 * This file: the strings every page uses. The page's other areas sit beside it (see ../areas.ts).
 */
const messages = {
  // ---- app-wide ----
  "app.name": "Candor",
  "app.tagline": "Évaluation de groupe anonyme qui ne garde que le consensus",
  "app.credit":
    "Questions de l'évaluation tirées de : International Centre for Missing & Exploited Children (ICMEC), Health & Mental Health Service Assessment Toolkit, 2e éd.",
  "common.loading": "Chargement…",
  "common.networkError": "Impossible de joindre le serveur. Vérifiez la connexion et réessayez.",
  "common.tryAgain": "Réessayer",
  "common.cancel": "Annuler",
  "common.copied": "Copié",
  "common.copyFailed": "Copie impossible : sélectionnez le texte et copiez-le à la main.",
  "common.required": "(obligatoire)",
  "common.close": "Fermer",
  "common.charCount": "{n} / {max}",
  "common.charsLeft": "Encore {n} caractères",
  "common.charLimitReached": "Limite de {max} caractères atteinte",

  // ---- i18n ----
  "language.label": "Langue",
  "language.unofficial": "Traduction non officielle de Candor ; la boîte à outils originale est en anglais (ICMEC).",
} satisfies Record<string, string>;
export default messages;
