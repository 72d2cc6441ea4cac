/**
 * @module i18n/pt/organizer
 * Portuguese: what the organizer's and facilitator's pages share and a phone never shows: the join
 * line (projector, console, the created session) and the lost-key warning (home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "join.heading": "Entre pelo celular",
  "join.qrAlt": "Código QR que abre {url}",
  "join.codeLabel": "Ou acesse {url} e digite o código",
  "join.line": "Entre em {url} com o código {code}",
  "keys.lost.heading": "Se o link de facilitador se perder",
  "keys.lost.noBackDoor":
    "Não existe porta dos fundos. O Candor guarda só uma impressão digital da chave, então ninguém consegue abrir o console sem o link: nem a organização, nem quem administra esta instalação.",
  "keys.lost.erasesOn":
    "Assim, ninguém pode encerrar a sessão, baixar o resumo dela nem excluí-la. Ela se apaga sozinha, com tudo o que contém, quando o prazo de guarda terminar, em {date}.",
  "keys.lost.erases":
    "Assim, ninguém pode encerrar a sessão, baixar o resumo dela nem excluí-la. Ela se apaga sozinha, com tudo o que contém, quando o prazo de guarda terminar: após o número de dias escolhido na criação (30, se não foi mudado, no máximo 90).",
} satisfies Record<string, string>;
export default messages;
