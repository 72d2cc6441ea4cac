/**
 * @module i18n/fr/session
 * French: the strings of the pages that show a session's answers and facilities (phone, projector, console, home). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  // ---- answers and perspectives ----
  "answer.yes": "Oui",
  "answer.no": "Non",
  "answer.na": "Sans objet",
  "answer.na.short": "S.O.",
  "timer.left": "Temps restant",
  "facilities.caption": "Notes données à chaque établissement : {domain}",
  "facilities.facility": "Établissement",
  "facilities.median": "Médiane",
  "facilities.status": "Statut",
  "facilities.hidden": "Trop peu de notes pour afficher",
  "facilities.withheld": "Non affiché (voir ci-dessus)",
  "facilities.recorded": "Enregistré : {v}",
  "facilities.recordedNone": "Enregistré : pas de consensus",
  "facilities.role.yours": "Votre établissement",
  "facilities.role.underReview": "En cours d'évaluation",
  "facilities.editor.hint":
    "Votre propre établissement et chaque organisation de votre réseau d'orientation, notés un par un dans cet ordre (jusqu'à {max}). Marquez votre établissement et l'établissement évalué s'ils sont dans la liste. Vous pouvez modifier la liste dans la console jusqu'à l'ouverture du thème.",
  "facilities.editor.nameLabel": "Établissement {n}",
  "facilities.editor.remove": "Retirer",
  "facilities.editor.add": "Ajouter un établissement",
  "facilities.editor.pickLabel": "Ou choisissez-en un :",
  "facilities.editor.pickChoose": "Choisir…",
  "facilities.editor.pickAdd": "Ajouter",
  "facilities.editor.twice": "« {name} » figure deux fois dans la liste.",
  "scale.dontKnowAdded":
    "« {label} » est un ajout de Candor, pas de la boîte à outils : sur cette échelle, le N/A de la boîte à outils signifie « {na} ».",

  // ---- toolkit terms explained where they appear ----
  "terms.seeDefinition": "voir la définition",
  "terms.named": "{term} : {text}",
  "terms.standsFor": "{term} signifie :",
} satisfies Record<string, string>;
export default messages;
