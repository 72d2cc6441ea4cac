/**
 * @module i18n/pt/session
 * Portuguese: the strings of the pages that show a session's answers and facilities (phone, projector, console, home). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  // ---- answers and perspectives ----
  "answer.yes": "Sim",
  "answer.no": "Não",
  "answer.na": "Não se aplica",
  "answer.na.short": "N/A",
  "timer.left": "Tempo restante",
  "facilities.caption": "Notas dadas a cada unidade: {domain}",
  "facilities.facility": "Unidade",
  "facilities.median": "Mediana",
  "facilities.status": "Situação",
  "facilities.hidden": "Poucas notas para mostrar",
  "facilities.withheld": "Não mostrado (veja acima)",
  "facilities.recorded": "Registrado: {v}",
  "facilities.recordedNone": "Registrado: sem consenso",
  "facilities.role.yours": "Sua unidade",
  "facilities.role.underReview": "Em avaliação",
  "facilities.editor.hint":
    "A sua própria unidade e cada organização da sua rede de referência, que recebem nota uma por uma, nesta ordem (até {max}). Marque a sua unidade e a unidade avaliada se estiverem na lista. Você pode mudar a lista no console até o tema ser aberto.",
  "facilities.editor.nameLabel": "Unidade {n}",
  "facilities.editor.remove": "Remover",
  "facilities.editor.add": "Adicionar uma unidade",
  "facilities.editor.pickLabel": "Ou escolha uma:",
  "facilities.editor.pickChoose": "Escolher…",
  "facilities.editor.pickAdd": "Adicionar",
  "facilities.editor.twice": "“{name}” aparece duas vezes.",
  "scale.dontKnowAdded": "“{label}” é um acréscimo do Candor, não do kit de ferramentas: nesta escala, o N/A do kit significa “{na}”.",

  // ---- toolkit terms explained where they appear ----
  "terms.seeDefinition": "ver a definição",
  "terms.named": "{term}: {text}",
  "terms.standsFor": "{term} significa:",
} satisfies Record<string, string>;
export default messages;
