/**
 * @module i18n/pt/phone
 * Portuguese: the strings of the participant's phone. Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "phone.docTitle": "Candor — entrar",
  "perspective.legend": "De qual perspectiva você participa? (opcional)",
  "perspective.clinical": "Equipe clínica",
  "perspective.administration": "Administração",
  "perspective.support": "Equipe de apoio",
  "perspective.external": "Parceiro externo",
  "perspective.lived-experience": "Experiência vivida",
  "perspective.prefer-not": "Prefiro não dizer",
  "perspective.hintShort":
    "Usado só para dizer quais grupos participaram, se pessoas suficientes escolheram cada um. Nunca é ligado às suas respostas.",

  // ---- privacy notice ----
  "privacy.heading": "Antes de começar: o que fica em sigilo",
  "privacy.nobodySees": "Ninguém vê suas respostas individuais: nem o facilitador, nem os outros participantes.",
  "privacy.threshold.one": "Os resultados só aparecem na tela quando pelo menos {n} pessoa deu nota.",
  "privacy.threshold.many": "Os resultados só aparecem na tela quando pelo menos {n} pessoas deram nota.",
  "privacy.threshold.other": "Os resultados só aparecem na tela quando pelo menos {n} pessoas deram nota.",
  "privacy.unanimous": "Se todos derem a mesma nota, o resultado mostra o que todos escolheram, inclusive você.",
  "privacy.smallGroup": "Em um grupo pequeno, as pessoas ainda podem adivinhar quem deu qual nota.",
  "privacy.nothingAsked": "Você não informa nome, e-mail nem conta, e não há onde escrever nomes ou comentários.",
  "privacy.smallKShort.one":
    "Esta sessão mostra resultados com apenas {n} nota. É menos do que o normal (5), então fica mais fácil adivinhar a nota de alguém.",
  "privacy.smallKShort.many":
    "Esta sessão mostra resultados com apenas {n} notas. É menos do que o normal (5), então fica mais fácil adivinhar a nota de alguém.",
  "privacy.smallKShort.other":
    "Esta sessão mostra resultados com apenas {n} notas. É menos do que o normal (5), então fica mais fácil adivinhar a nota de alguém.",
  "privacy.totalsOnly": "Só os totais são guardados: quando a votação é encerrada, suas respostas são esquecidas, neste celular também.",
  "privacy.changeUntilClosed": "Você pode mudar suas respostas até a votação ser encerrada.",
  "privacy.reminder": "O que fica em sigilo?",

  // ---- phone: code entry ----
  "phone.code.title": "Entrar em uma sessão",
  "phone.code.label": "Código da sessão",
  "phone.code.hint": "6 letras e números, mostrados na tela. Pode usar maiúsculas ou minúsculas.",
  "phone.code.submit": "Entrar",
  "phone.code.checking": "Verificando…",
  "phone.code.invalid": "Isso não parece um código de sessão. Ele tem 6 letras e números.",
  "phone.code.unknown": "Nenhuma sessão tem este código. Confira o código na tela e tente de novo.",
  "phone.code.tooMany": "Muitos códigos foram testados nesta rede agora há pouco. Espere alguns segundos e tente de novo.",
  "phone.code.unknownLink": "O link não funcionou: nenhuma sessão tem o código “{code}”. Digite o código mostrado na tela.",

  // ---- phone: joining and waiting ----
  "phone.connecting.title": "Entrando…",
  "phone.connecting.body": "Conectando à sessão.",
  "phone.connecting.offlineTitle": "Não foi possível acessar a sessão",
  "phone.connecting.offlineBody": "Tentando de novo automaticamente. Verifique seu Wi-Fi ou seus dados móveis.",
  "phone.welcome.title": "Boas-vindas a “{title}”",
  "phone.welcome.continue": "Continuar",
  "phone.lobby.title": "Você entrou",
  "phone.lobby.body": "Aguarde, por favor. O primeiro tema vai aparecer aqui quando o facilitador começar.",
  "phone.lobby.again": "Aguarde, por favor. O próximo tema vai aparecer aqui quando o facilitador abri-lo.",
  "phone.revealed.title": "Os resultados estão na tela",
  "phone.revealed.body": "Converse sobre eles com o grupo. O próximo tema vai aparecer aqui.",
  "phone.revealed.late": "Suas últimas respostas chegaram depois que a votação foi encerrada, então não foram contadas.",
  "phone.lost.answers": "A votação foi encerrada antes de suas respostas serem enviadas, então elas não foram contadas.",
  "phone.lost.changes": "A votação foi encerrada antes de suas alterações serem enviadas, então suas respostas anteriores foram contadas.",
  "phone.lost.unsure":
    "A votação foi encerrada antes de a sessão confirmar suas últimas respostas, então talvez elas não tenham sido contadas.",
  "phone.sitOut.title": "Esta rodada é para quem votou antes",
  "phone.sitOut.body":
    "O grupo está votando de novo um tema em que você não votou da primeira vez. Só quem votou pode votar agora, para que ninguém consiga descobrir a resposta de alguém comparando os dois resultados. Você poderá votar no próximo tema.",
  "phone.ended.title": "Obrigado",
  "phone.ended.body": "A sessão terminou. Você pode fechar esta página.",
  "phone.gone.title": "Esta sessão terminou",
  "phone.gone.body": "A sessão não existe mais. Você pode fechar esta página.",
  "phone.locked.title": "A entrada está fechada",
  "phone.locked.body": "O facilitador fechou esta sessão para novos participantes. Pergunte a ele se você deveria poder entrar.",
  "phone.closed.title": "A entrada nesta sessão está fechada",
  "phone.closed.body": "Ninguém mais pode entrar agora. Se você deve participar, peça ao facilitador para abrir a entrada e tente de novo.",
  "phone.closed.still": "A entrada continua fechada. Fale com o facilitador.",
  "phone.closed.inline": "A entrada nesta sessão está fechada. Se você deve participar, peça ao facilitador para abrir a entrada.",
  "phone.template.failed": "Não foi possível carregar as perguntas.",

  // ---- phone: voting ----
  "phone.ballot.domain": "Tema {n}",
  "phone.ballot.newRound": "Rodada {n}: o grupo está dando nota de novo depois da conversa. Você pode dar a mesma resposta ou outra.",
  "phone.ballot.items": "Perguntas",
  "phone.ballot.itemsHint": "Responda o que puder. Você pode pular uma pergunta que não sabe responder.",
  "phone.ballot.rating": "Sua nota",
  "phone.ballot.adapted": "Pergunta redigida pelo Candor, adaptada do kit de ferramentas.",
  "phone.ballot.ratingsFacilities": "Suas notas",
  "phone.ballot.explanation": "O que significa AAAQ?",
  "phone.ballot.missing": "Escolha uma nota, ou “Não sei”, antes de enviar.",
  "phone.ballot.missingFacilities.one": "Dê nota a mais {n} unidade, ou escolha “Não sei”, antes de enviar.",
  "phone.ballot.missingFacilities.many": "Dê nota a mais {n} unidades, ou escolha “Não sei”, antes de enviar.",
  "phone.ballot.missingFacilities.other": "Dê nota a mais {n} unidades, ou escolha “Não sei”, antes de enviar.",
  "phone.ballot.send": "Enviar minhas respostas",
  "phone.ballot.sendChanges": "Enviar minhas alterações",

  // ---- phone: a self-paced set of topics (docs/design.md §1.2) ----
  "phone.set.title": "Responda a estes temas no seu ritmo",
  "phone.set.body": "Escolha um tema para responder. Você pode voltar a qualquer um deles e mudar suas respostas.",
  "phone.set.done.one": "{done} de {n} tema respondido",
  "phone.set.done.many": "{done} de {n} temas respondidos",
  "phone.set.done.other": "{done} de {n} temas respondidos",
  "phone.set.progress.not-started": "Não iniciado",
  "phone.set.progress.started": "Iniciado, ainda não enviado",
  "phone.set.progress.sending": "Enviando…",
  "phone.set.progress.answered": "Respondido",
  "phone.set.progress.changed": "Alterado, ainda não enviado",
  "phone.set.sitOut": "Só para quem votou neste tema antes",
  "phone.set.changeUntil": "Você pode mudar suas respostas até o facilitador encerrar a votação.",
  "phone.set.back": "Todos os temas",
  "phone.set.next": "Próximo tema",

  // ---- phone: after sending ----
  "phone.sent.title": "Suas respostas chegaram",
  "phone.sent.body": "Obrigado. Ninguém vai ver suas respostas individuais.",
  "phone.sending.title": "Enviando…",
  "phone.sending.body": "Suas respostas estão a caminho.",
  "phone.saved.title": "Salvas neste celular",
  "phone.saved.body": "Você está sem conexão agora. Suas respostas serão enviadas assim que a conexão voltar.",
  "phone.sent.change": "Mudar minhas respostas",
  "phone.sent.canChangeUntil": "Você pode mudá-las até a votação deste tema ser encerrada.",
  "phone.timer.minutes.one": "Falta {n} minuto",
  "phone.timer.minutes.many": "Faltam {n} minutos",
  "phone.timer.minutes.other": "Faltam {n} minutos",
  "phone.timer.seconds.one": "Falta {n} segundo",
  "phone.timer.seconds.many": "Faltam {n} segundos",
  "phone.timer.seconds.other": "Faltam {n} segundos",
  "phone.timer.up": "O tempo acabou. A votação está sendo encerrada.",

  // ---- phone: status line ----
  "phone.status.connected": "Conectado",
  "phone.status.offline": "Conexão perdida — reconectando. Suas respostas ficam neste celular e são enviadas automaticamente.",
  "phone.problem.late": "Suas respostas chegaram depois que a votação foi encerrada, então não foram contadas.",
  "phone.problem.slow": "A sessão está ocupada. Tentando de novo em instantes…",
  "phone.problem.full": "Esta rodada já tem uma resposta de cada participante, então a sua não pôde ser adicionada.",
  "phone.problem.badBallot": "Suas respostas não puderam ser aceitas. Confira e envie de novo.",
  "phone.problem.other": "Algo deu errado. Tente de novo.",
} satisfies Record<string, string>;
export default messages;
