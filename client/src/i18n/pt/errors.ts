/**
 * @module i18n/pt/errors
 * Portuguese: the API's error codes as the home page and the console word them (lib/apiErrorText.ts). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "apiError.invalid-request": "Alguns dados não foram aceitos: confira os campos marcados.",
  "apiError.malformed-json": "O servidor não conseguiu ler a solicitação. Recarregue a página e tente de novo.",
  "apiError.unauthorized": "Falta a chave de facilitador.",
  "apiError.forbidden": "O servidor recusou esta solicitação.",
  "apiError.not-found": "O servidor não encontrou o que foi pedido.",
  "apiError.method-not-allowed": "O servidor não permite esta solicitação.",
  "apiError.too-large": "A solicitação é grande demais.",
  "apiError.unsupported-media-type": "O servidor não conseguiu ler o formato da solicitação. Recarregue a página e tente de novo.",
  "apiError.bad-request": "O servidor não conseguiu processar a solicitação.",
  "apiError.internal": "O servidor teve um problema. Tente de novo em instantes.",
  "apiError.cross-origin": "Solicitações de outro site são recusadas. Abra esta página no próprio endereço dela.",
  "apiError.too-many-joins": "Tentativas demais a partir desta rede: tente de novo em alguns segundos.",
  "apiError.misconfigured": "O servidor não está configurado corretamente. Avise quem o administra.",
  "apiError.unavailable": "O serviço de sessões está indisponível agora. Tente de novo em instantes.",
  "apiError.no-room": "Esta sessão não existe mais.",
  "apiError.wrong-key": "O servidor recusou a chave de facilitador.",
  "apiError.room-exists": "Já existe uma sessão com este endereço. Tente de novo.",
  "apiError.room-service-error": "O serviço de sessões teve um problema. Tente de novo em instantes.",
  "apiError.unknown-template": "Esta avaliação não está disponível neste servidor.",
  "apiError.unknown-join-code": "Nenhuma sessão tem este código.",
  "apiError.key-required": "Falta a chave de facilitador.",
  "apiError.invalid-format": "Esse formato não está disponível.",
  "apiError.no-free-code": "Nenhum código de entrada está livre agora. Tente de novo.",
  "apiError.field": "O servidor não aceitou este campo: confira-o.",
  "apiError.unexpected": "Não foi possível ler a resposta do servidor. Recarregue a página e tente de novo.",
  "apiError.unknown-language": "Esse idioma não está disponível.",
} satisfies Record<string, string>;
export default messages;
