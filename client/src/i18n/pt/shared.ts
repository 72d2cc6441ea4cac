/**
 * @module i18n/pt/shared
 * Portuguese, Brazilian variant (pt-BR; `matchLanguage` matches "pt" and "pt-PT" to it too, which
 * European readers will understand but notice), translated from `en/`: every key, the same
 * `{placeholders}`. An unofficial translation by Candor, not ICMEC's (the screens say so once).
 * Participants are addressed as "você": the everyday, polite form in Brazil.
 *
 * Glossary (use these words, and only these, for the same things):
 * - topic: tema · facilitator: facilitador (the role; "o facilitador") · participant: participante
 * - consensus: consenso (recorded consensus: consenso registrado) · answers/ballot: respostas
 * - rating: nota; to rate: dar nota · reveal: mostrar os resultados · round: rodada · voting closes: a votação é encerrada
 * - k gate: "limite de anonimato (k)"; "at least {n} people have rated": "pelo menos {n} pessoas deram nota"
 * - Don't know: "Não sei" · Service not available: "Serviço não disponível" · facility: unidade (de saúde)
 * - AAAQ: Disponibilidade, Acessibilidade, Aceitabilidade e Qualidade (sigla AAAQ, em inglês, mantida) · HT/E: tráfico e exploração de pessoas
 * - pass: passe · action item: ação · summary: resumo · toolkit: kit de ferramentas · join code: código da sessão
 * Plural "one" covers 0 and 1 in Portuguese (CLDR); "many" (whole millions, "1.000.000 de …") reads as "other".
 *
 * This file: the strings every page uses. The page's other areas sit beside it (see ../areas.ts).
 */
const messages = {
  // ---- app-wide ----
  "app.name": "Candor",
  "app.tagline": "Avaliação em grupo anônima que guarda só o consenso",
  "app.credit":
    "Perguntas da avaliação retiradas de: International Centre for Missing & Exploited Children (ICMEC), Health & Mental Health Service Assessment Toolkit, 2ª ed.",
  "common.loading": "Carregando…",
  "common.networkError": "Não conseguimos acessar o servidor. Verifique a conexão e tente de novo.",
  "common.tryAgain": "Tentar de novo",
  "common.cancel": "Cancelar",
  "common.copied": "Copiado",
  "common.copyFailed": "Não foi possível copiar: selecione o texto e copie manualmente.",
  "common.required": "(obrigatório)",
  "common.close": "Fechar",
  "common.charCount": "{n} / {max}",
  "common.charsLeft": "Restam {n} caracteres",
  "common.charLimitReached": "Limite de {max} caracteres atingido",

  // ---- i18n ----
  "language.label": "Idioma",
  "language.unofficial": "Tradução não oficial do Candor; o kit de ferramentas original está em inglês (ICMEC).",
} satisfies Record<string, string>;
export default messages;
