/**
 * @module i18n/fr/phone
 * French: the strings of the participant's phone. Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "phone.docTitle": "Candor — rejoindre",
  "perspective.legend": "De quel point de vue participez-vous ? (facultatif)",
  "perspective.clinical": "Personnel clinique",
  "perspective.administration": "Administration",
  "perspective.support": "Personnel de soutien",
  "perspective.external": "Partenaire externe",
  "perspective.lived-experience": "Expérience vécue",
  "perspective.prefer-not": "Je préfère ne pas le dire",
  "perspective.hintShort":
    "Sert seulement à dire quels groupes ont participé, si assez de personnes ont choisi chacun. Jamais relié à vos réponses.",

  // ---- privacy notice ----
  "privacy.heading": "Avant de commencer : ce qui reste privé",
  "privacy.nobodySees": "Personne ne voit vos réponses individuelles : ni la personne qui anime, ni les autres participants.",
  "privacy.threshold.one": "Les résultats ne s'affichent à l'écran que lorsqu'au moins {n} personne a donné une note.",
  "privacy.threshold.many": "Les résultats ne s'affichent à l'écran que lorsqu'au moins {n} personnes ont donné une note.",
  "privacy.threshold.other": "Les résultats ne s'affichent à l'écran que lorsqu'au moins {n} personnes ont donné une note.",
  "privacy.unanimous": "Si tout le monde donne la même note, le résultat montre ce que tout le monde a choisi, vous compris.",
  "privacy.smallGroup": "Dans un petit groupe, on peut quand même deviner qui a donné quelle note.",
  "privacy.nothingAsked": "Vous ne donnez ni nom, ni e-mail, ni compte, et il n'y a aucun endroit où écrire des noms ou des commentaires.",
  "privacy.smallKShort.one":
    "Cette session affiche des résultats à partir de {n} note seulement. C'est moins que d'habitude (5) : il est donc plus facile de deviner la note de quelqu'un.",
  "privacy.smallKShort.many":
    "Cette session affiche des résultats à partir de {n} notes seulement. C'est moins que d'habitude (5) : il est donc plus facile de deviner la note de quelqu'un.",
  "privacy.smallKShort.other":
    "Cette session affiche des résultats à partir de {n} notes seulement. C'est moins que d'habitude (5) : il est donc plus facile de deviner la note de quelqu'un.",
  "privacy.totalsOnly": "Seuls les totaux sont gardés : quand le vote est clos, vos réponses sont oubliées, sur ce téléphone aussi.",
  "privacy.changeUntilClosed": "Vous pouvez modifier vos réponses jusqu'à la clôture du vote.",
  "privacy.reminder": "Qu'est-ce qui reste privé ?",

  // ---- phone: code entry ----
  "phone.code.title": "Rejoindre une session",
  "phone.code.label": "Code de la session",
  "phone.code.hint": "6 lettres et chiffres, affichés à l'écran. Majuscules ou minuscules, les deux fonctionnent.",
  "phone.code.submit": "Rejoindre",
  "phone.code.checking": "Vérification…",
  "phone.code.invalid": "Ce n'est pas un code de session. Il compte 6 lettres et chiffres.",
  "phone.code.unknown": "Aucune session n'a ce code. Vérifiez le code affiché à l'écran et réessayez.",
  "phone.code.tooMany": "Trop de codes ont été essayés depuis ce réseau à l'instant. Attendez quelques secondes, puis réessayez.",
  "phone.code.unknownLink": "Le lien n'a pas fonctionné : aucune session n'a le code « {code} ». Saisissez le code affiché à l'écran.",

  // ---- phone: joining and waiting ----
  "phone.connecting.title": "Connexion…",
  "phone.connecting.body": "Connexion à la session.",
  "phone.connecting.offlineTitle": "Impossible de joindre la session",
  "phone.connecting.offlineBody": "Nouvel essai automatique. Vérifiez votre Wi-Fi ou vos données mobiles.",
  "phone.welcome.title": "Bienvenue à « {title} »",
  "phone.welcome.continue": "Continuer",
  "phone.lobby.title": "Vous y êtes",
  "phone.lobby.body": "Veuillez patienter. Le premier thème apparaîtra ici quand la personne qui anime commencera.",
  "phone.lobby.again": "Veuillez patienter. Le thème suivant apparaîtra ici quand la personne qui anime l'ouvrira.",
  "phone.revealed.title": "Les résultats sont à l'écran",
  "phone.revealed.body": "Parlez-en avec le groupe. Le thème suivant apparaîtra ici.",
  "phone.revealed.late": "Vos dernières réponses sont arrivées après la clôture du vote : elles n'ont pas été comptées.",
  "phone.lost.answers": "Le vote a été clos avant l'envoi de vos réponses : elles n'ont pas été comptées.",
  "phone.lost.changes": "Le vote a été clos avant l'envoi de vos modifications : ce sont vos réponses précédentes qui ont été comptées.",
  "phone.lost.unsure": "Le vote a été clos avant que la session confirme vos dernières réponses : elles n'ont peut-être pas été comptées.",
  "phone.sitOut.title": "Ce tour est pour les personnes qui ont voté avant",
  "phone.sitOut.body":
    "Le groupe vote de nouveau sur un thème sur lequel vous n'avez pas voté la première fois. Seules les personnes qui l'ont fait peuvent voter maintenant, pour que personne ne puisse déduire la réponse de quelqu'un en comparant les deux résultats. Vous pourrez voter sur le thème suivant.",
  "phone.ended.title": "Merci",
  "phone.ended.body": "La session est terminée. Vous pouvez fermer cette page.",
  "phone.gone.title": "Cette session est terminée",
  "phone.gone.body": "La session n'existe plus. Vous pouvez fermer cette page.",
  "phone.locked.title": "L'accès est fermé",
  "phone.locked.body":
    "La personne qui anime a fermé cette session aux nouveaux participants. Demandez-lui si vous devriez pouvoir entrer.",
  "phone.closed.title": "Impossible de rejoindre cette session",
  "phone.closed.body":
    "Personne ne peut plus la rejoindre pour l'instant. Si vous devez participer, demandez à la personne qui anime de rouvrir l'accès, puis réessayez.",
  "phone.closed.still": "L'accès est toujours fermé. Adressez-vous à la personne qui anime.",
  "phone.closed.inline":
    "Impossible de rejoindre cette session. Si vous devez participer, demandez à la personne qui anime de rouvrir l'accès.",
  "phone.template.failed": "Les questions n'ont pas pu être chargées.",

  // ---- phone: voting ----
  "phone.ballot.domain": "Thème {n}",
  "phone.ballot.newRound": "Tour {n} : le groupe note de nouveau après la discussion. Vous pouvez donner la même réponse ou une autre.",
  "phone.ballot.items": "Questions",
  "phone.ballot.itemsHint": "Répondez à ce que vous pouvez. Vous pouvez passer une question à laquelle vous ne savez pas répondre.",
  "phone.ballot.rating": "Votre note",
  "phone.ballot.adapted": "Question formulée par Candor, adaptée de la boîte à outils.",
  "phone.ballot.ratingsFacilities": "Vos notes",
  "phone.ballot.explanation": "Que veut dire AAAQ ?",
  "phone.ballot.missing": "Choisissez une note, ou « Je ne sais pas », avant d'envoyer.",
  "phone.ballot.missingFacilities.one": "Notez encore {n} établissement, ou choisissez « Je ne sais pas », avant d'envoyer.",
  "phone.ballot.missingFacilities.many": "Notez encore {n} établissements, ou choisissez « Je ne sais pas », avant d'envoyer.",
  "phone.ballot.missingFacilities.other": "Notez encore {n} établissements, ou choisissez « Je ne sais pas », avant d'envoyer.",
  "phone.ballot.send": "Envoyer mes réponses",
  "phone.ballot.sendChanges": "Envoyer mes modifications",

  // ---- phone: a self-paced set of topics (docs/design.md §1.2) ----
  "phone.set.title": "Répondez à ces thèmes à votre rythme",
  "phone.set.body": "Choisissez un thème pour y répondre. Vous pouvez revenir à chacun d'eux et modifier vos réponses.",
  "phone.set.done.one": "Thèmes répondus : {done} sur {n}",
  "phone.set.done.many": "Thèmes répondus : {done} sur {n}",
  "phone.set.done.other": "Thèmes répondus : {done} sur {n}",
  "phone.set.progress.not-started": "Pas commencé",
  "phone.set.progress.started": "Commencé, pas encore envoyé",
  "phone.set.progress.sending": "Envoi…",
  "phone.set.progress.answered": "Répondu",
  "phone.set.progress.changed": "Modifié, pas encore envoyé",
  "phone.set.sitOut": "Réservé aux personnes qui ont déjà voté sur ce thème",
  "phone.set.changeUntil": "Vous pouvez modifier vos réponses jusqu'à ce que la personne qui anime close le vote.",
  "phone.set.back": "Tous les thèmes",
  "phone.set.next": "Thème suivant",

  // ---- phone: after sending ----
  "phone.sent.title": "Vos réponses sont arrivées",
  "phone.sent.body": "Merci. Personne ne verra vos réponses individuelles.",
  "phone.sending.title": "Envoi…",
  "phone.sending.body": "Vos réponses sont en route.",
  "phone.saved.title": "Enregistrées sur ce téléphone",
  "phone.saved.body": "Vous êtes hors ligne. Vos réponses seront envoyées dès le retour de la connexion.",
  "phone.sent.change": "Modifier mes réponses",
  "phone.sent.canChangeUntil": "Vous pouvez les modifier jusqu'à la clôture du vote sur ce thème.",
  "phone.timer.minutes.one": "Encore {n} minute",
  "phone.timer.minutes.many": "Encore {n} minutes",
  "phone.timer.minutes.other": "Encore {n} minutes",
  "phone.timer.seconds.one": "Encore {n} seconde",
  "phone.timer.seconds.many": "Encore {n} secondes",
  "phone.timer.seconds.other": "Encore {n} secondes",
  "phone.timer.up": "Le temps est écoulé. Le vote se termine.",

  // ---- phone: status line ----
  "phone.status.connected": "Connecté",
  "phone.status.offline":
    "Connexion perdue — reconnexion en cours. Vos réponses restent sur ce téléphone et sont envoyées automatiquement.",
  "phone.problem.late": "Vos réponses sont arrivées après la clôture du vote : elles n'ont pas été comptées.",
  "phone.problem.slow": "La session est occupée. Nouvel essai dans un instant…",
  "phone.problem.full": "Ce tour a déjà une réponse de chaque participant : la vôtre n'a pas pu être ajoutée.",
  "phone.problem.badBallot": "Vos réponses n'ont pas pu être acceptées. Vérifiez-les et renvoyez-les.",
  "phone.problem.other": "Un problème est survenu. Veuillez réessayer.",
} satisfies Record<string, string>;
export default messages;
