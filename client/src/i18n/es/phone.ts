/**
 * @module i18n/es/phone
 * Spanish: the strings of the participant's phone. Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "phone.docTitle": "Candor — unirse",
  "perspective.legend": "¿Desde qué perspectiva participa? (opcional)",
  "perspective.clinical": "Personal clínico",
  "perspective.administration": "Administración",
  "perspective.support": "Personal de apoyo",
  "perspective.external": "Organización aliada externa",
  "perspective.lived-experience": "Experiencia vivida",
  "perspective.prefer-not": "Prefiero no decirlo",
  "perspective.hintShort":
    "Solo se usa para decir qué grupos participaron, si suficientes personas eligieron cada uno. Nunca se vincula con sus respuestas.",

  // ---- privacy notice (phone, docs/design.md §3.9) ----
  "privacy.heading": "Antes de empezar: qué queda en privado",
  "privacy.nobodySees": "Nadie ve sus respuestas individuales: ni el facilitador ni los demás participantes.",
  "privacy.threshold.one": "Los resultados aparecen en la pantalla solo cuando al menos {n} persona ha calificado.",
  "privacy.threshold.many": "Los resultados aparecen en la pantalla solo cuando al menos {n} personas han calificado.",
  "privacy.threshold.other": "Los resultados aparecen en la pantalla solo cuando al menos {n} personas han calificado.",
  "privacy.unanimous": "Si todos dan la misma calificación, el resultado muestra lo que eligieron todos, también usted.",
  "privacy.smallGroup": "En un grupo pequeño, otras personas podrían adivinar quién calificó qué.",
  "privacy.nothingAsked": "No se le pide nombre, correo ni cuenta, y no hay dónde escribir nombres ni comentarios.",
  "privacy.smallKShort.one":
    "Esta sesión muestra resultados con solo {n} calificación. Es menos de lo habitual (5), así que es más fácil adivinar cómo calificó alguien.",
  "privacy.smallKShort.many":
    "Esta sesión muestra resultados con solo {n} calificaciones. Es menos de lo habitual (5), así que es más fácil adivinar cómo calificó alguien.",
  "privacy.smallKShort.other":
    "Esta sesión muestra resultados con solo {n} calificaciones. Es menos de lo habitual (5), así que es más fácil adivinar cómo calificó alguien.",
  "privacy.totalsOnly": "Solo se guardan los totales: cuando se cierra la votación, sus respuestas se borran, también en este teléfono.",
  "privacy.changeUntilClosed": "Puede cambiar sus respuestas hasta que se cierre la votación.",
  "privacy.reminder": "¿Qué queda en privado?",

  // ---- phone: code entry ----
  "phone.code.title": "Unirse a una sesión",
  "phone.code.label": "Código de la sesión",
  "phone.code.hint": "6 letras y números, los que aparecen en la pantalla. Puede escribirlos en mayúsculas o minúsculas.",
  "phone.code.submit": "Unirse",
  "phone.code.checking": "Comprobando…",
  "phone.code.invalid": "Eso no parece un código de sesión. Tiene 6 letras y números.",
  "phone.code.unknown": "No hay ninguna sesión con este código. Revise el código en la pantalla y vuelva a intentarlo.",
  "phone.code.tooMany": "Se probaron demasiados códigos desde esta red hace un momento. Espere unos segundos y vuelva a intentarlo.",
  "phone.code.unknownLink":
    "El enlace no funcionó: no hay ninguna sesión con el código «{code}». Escriba el código que aparece en la pantalla.",

  // ---- phone: joining and waiting ----
  "phone.connecting.title": "Uniéndose…",
  "phone.connecting.body": "Conectando con la sesión.",
  "phone.connecting.offlineTitle": "No se puede conectar con la sesión",
  "phone.connecting.offlineBody": "Se vuelve a intentar automáticamente. Revise su wifi o sus datos móviles.",
  "phone.welcome.title": "Le damos la bienvenida a «{title}»",
  "phone.welcome.continue": "Continuar",
  "phone.lobby.title": "Ya está dentro",
  "phone.lobby.body": "Espere, por favor. El primer tema aparecerá aquí cuando el facilitador empiece.",
  "phone.lobby.again": "Espere, por favor. El siguiente tema aparecerá aquí cuando el facilitador lo abra.",
  "phone.revealed.title": "Los resultados están en la pantalla",
  "phone.revealed.body": "Converse sobre ellos con el grupo. El siguiente tema aparecerá aquí.",
  "phone.revealed.late": "Sus últimas respuestas llegaron después de cerrarse la votación, así que no se contaron.",
  "phone.lost.answers": "La votación se cerró antes de que se enviaran sus respuestas, así que no se contaron.",
  "phone.lost.changes": "La votación se cerró antes de que se enviaran sus cambios, así que se contaron sus respuestas anteriores.",
  "phone.lost.unsure":
    "La votación se cerró antes de que la sesión confirmara sus últimas respuestas, así que es posible que no se hayan contado.",
  "phone.sitOut.title": "Esta ronda es para quienes votaron antes",
  "phone.sitOut.body":
    "El grupo vuelve a votar sobre un tema en el que usted no votó la primera vez. Ahora solo pueden votar quienes lo hicieron, para que nadie pueda deducir la respuesta de otra persona comparando los dos resultados. Podrá votar en el siguiente tema.",
  "phone.ended.title": "Gracias",
  "phone.ended.body": "La sesión terminó. Puede cerrar esta página.",
  "phone.gone.title": "Esta sesión terminó",
  "phone.gone.body": "La sesión ya no existe. Puede cerrar esta página.",
  "phone.locked.title": "Ya no se puede entrar",
  "phone.locked.body": "El facilitador cerró esta sesión a nuevos participantes. Pregúntele si usted debería poder entrar.",
  "phone.closed.title": "Ya no se puede entrar en esta sesión",
  "phone.closed.body":
    "Nadie más puede unirse ahora. Si usted debe participar, pida al facilitador que abra la entrada y vuelva a intentarlo.",
  "phone.closed.still": "La entrada sigue cerrada. Pregunte al facilitador.",
  "phone.closed.inline": "Ya no se puede entrar en esta sesión. Si usted debe participar, pida al facilitador que abra la entrada.",
  "phone.template.failed": "No se pudieron cargar las preguntas.",

  // ---- phone: voting ----
  "phone.ballot.domain": "Tema {n}",
  "phone.ballot.newRound": "Ronda {n}: el grupo vuelve a calificar después de conversar. Puede dar la misma respuesta o una diferente.",
  "phone.ballot.items": "Preguntas",
  "phone.ballot.itemsHint": "Responda lo que pueda. Puede saltar una pregunta que no sepa responder.",
  "phone.ballot.rating": "Su calificación",
  "phone.ballot.adapted": "Pregunta redactada por Candor, adaptada del kit de herramientas.",
  "phone.ballot.ratingsFacilities": "Sus calificaciones",
  "phone.ballot.explanation": "¿Qué significa AAAQ?",
  "phone.ballot.missing": "Elija una calificación, o «No sé», antes de enviar.",
  "phone.ballot.missingFacilities.one": "Califique {n} centro más, o elija «No sé», antes de enviar.",
  "phone.ballot.missingFacilities.many": "Califique {n} centros más, o elija «No sé», antes de enviar.",
  "phone.ballot.missingFacilities.other": "Califique {n} centros más, o elija «No sé», antes de enviar.",
  "phone.ballot.send": "Enviar mis respuestas",
  "phone.ballot.sendChanges": "Enviar mis cambios",

  // ---- phone: a self-paced set of topics (docs/design.md §1.2) ----
  "phone.set.title": "Responda estos temas a su propio ritmo",
  "phone.set.body": "Elija un tema para responderlo. Puede volver a cualquiera de ellos y cambiar sus respuestas.",
  "phone.set.done.one": "{done} de {n} tema respondido",
  "phone.set.done.many": "{done} de {n} temas respondidos",
  "phone.set.done.other": "{done} de {n} temas respondidos",
  "phone.set.progress.not-started": "Sin empezar",
  "phone.set.progress.started": "Empezado, todavía sin enviar",
  "phone.set.progress.sending": "Enviando…",
  "phone.set.progress.answered": "Respondido",
  "phone.set.progress.changed": "Cambiado, todavía sin enviar",
  "phone.set.sitOut": "Solo para quienes lo calificaron antes",
  "phone.set.changeUntil": "Puede cambiar sus respuestas hasta que el facilitador cierre la votación.",
  "phone.set.back": "Todos los temas",
  "phone.set.next": "Tema siguiente",

  // ---- phone: after sending ----
  "phone.sent.title": "Sus respuestas llegaron",
  "phone.sent.body": "Gracias. Nadie verá sus respuestas individuales.",
  "phone.sending.title": "Enviando…",
  "phone.sending.body": "Sus respuestas están en camino.",
  "phone.saved.title": "Guardadas en este teléfono",
  "phone.saved.body": "Ahora no tiene conexión. Sus respuestas se enviarán en cuanto vuelva la conexión.",
  "phone.sent.change": "Cambiar mis respuestas",
  "phone.sent.canChangeUntil": "Puede cambiarlas hasta que se cierre la votación de este tema.",
  "phone.timer.minutes.one": "Queda {n} minuto",
  "phone.timer.minutes.many": "Quedan {n} minutos",
  "phone.timer.minutes.other": "Quedan {n} minutos",
  "phone.timer.seconds.one": "Queda {n} segundo",
  "phone.timer.seconds.many": "Quedan {n} segundos",
  "phone.timer.seconds.other": "Quedan {n} segundos",
  "phone.timer.up": "Se acabó el tiempo. La votación se está cerrando.",

  // ---- phone: status line ----
  "phone.status.connected": "Conectado",
  "phone.status.offline": "Se perdió la conexión; reconectando. Sus respuestas se quedan en este teléfono y se envían automáticamente.",
  "phone.problem.late": "Sus respuestas llegaron después de cerrarse la votación, así que no se contaron.",
  "phone.problem.slow": "La sesión está ocupada. Se vuelve a intentar en un momento…",
  "phone.problem.full": "Esta ronda ya tiene una respuesta de cada participante, así que no se pudo añadir la suya.",
  "phone.problem.badBallot": "No se pudieron aceptar sus respuestas. Revíselas y vuelva a enviarlas.",
  "phone.problem.other": "Algo salió mal. Vuelva a intentarlo.",
} satisfies Record<string, string>;
export default messages;
