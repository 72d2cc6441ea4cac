/**
 * @module i18n/en/session
 * English: the strings of the pages that show a session's answers and facilities (phone, projector, console, home). Conventions: ./shared.ts.
 */
const messages = {
  // ---- answers and perspectives ----
  "answer.yes": "Yes",
  "answer.no": "No",
  "answer.na": "Not applicable",
  "answer.na.short": "N/A",
  "timer.left": "Time left",
  "facilities.caption": "How people rated each facility: {domain}",
  "facilities.facility": "Facility",
  "facilities.median": "Median",
  "facilities.status": "Status",
  "facilities.hidden": "Too few ratings to show",
  "facilities.withheld": "Not shown (see above)",
  "facilities.recorded": "Recorded: {v}",
  "facilities.recordedNone": "Recorded: no consensus",
  "facilities.role.yours": "Your facility",
  "facilities.role.underReview": "Under review",
  "facilities.editor.hint":
    "Your own facility and each organization of your referral network, rated one by one in this order (up to {max}). Mark your facility and the facility under review if they are on the list. You can change the list in the console until the topic opens.",
  "facilities.editor.nameLabel": "Facility {n}",
  "facilities.editor.remove": "Remove",
  "facilities.editor.add": "Add a facility",
  "facilities.editor.pickLabel": "Or pick one:",
  "facilities.editor.pickChoose": "Choose…",
  "facilities.editor.pickAdd": "Add",
  "facilities.editor.twice": "“{name}” is listed twice.",
  "scale.dontKnowAdded": "“{label}” is Candor's addition, not the toolkit's: on this scale the toolkit's N/A means “{na}”.",

  // ---- home ----
  // ---- toolkit terms explained where they appear (core/glossary.ts, components/TermText.tsx) ----
  "terms.seeDefinition": "see the definition",
  "terms.named": "{term}: {text}",
  "terms.standsFor": "{term} stands for:",
} as const;
export default messages;
