/**
 * @module i18n/fr/home
 * French: the strings of the home page (create, created, compare). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  // ---- page titles ----
  "home.docTitle": "Candor — démarrer une session",

  // ---- home ----
  "home.heading": "Démarrer une session d'évaluation",
  "home.intro":
    "Les participants répondent anonymement sur leur téléphone ; le groupe ne voit les résultats que lorsque assez de personnes ont donné une note, et la session ne garde que le consensus.",
  "home.template.label": "Évaluation",
  "home.template.topics.one": "{n} thème.",
  "home.template.topics.many": "{n} thèmes.",
  "home.template.topics.other": "{n} thèmes.",
  "home.title.label": "Titre de la session",
  "home.title.hint": "Affiché sur le projecteur et sur les téléphones des participants, p. ex. « Revue du service, mars ».",
  "home.facility.label": "Établissement évalué",
  "home.facility.hint":
    "Facultatif. Ce que les thèmes évaluent. Pour le noter aussi dans le thème AAAQ, ajoutez-le à la liste de ce thème ci-dessous et marquez-le « En cours d'évaluation ».",
  "home.domains.legend": "Thèmes du jour",
  "home.domains.all": "Tout sélectionner",
  "home.domains.none": "Ne rien sélectionner",
  "home.facilities.legend": "Établissements notés dans le thème AAAQ (facultatif pour l'instant)",
  "home.k.label": "Seuil d'anonymat (k)",
  "home.k.hint":
    "Les résultats ne s'affichent que si au moins ce nombre de personnes ont donné une note. {n} est recommandé ; 3 est le minimum.",
  "home.k.warning":
    "Avec k = {k}, les résultats peuvent s'afficher à partir de très peu de personnes : les réponses sont donc plus faciles à deviner. Le téléphone de chaque participant l'indiquera.",
  "home.days.label": "Garder la session pendant (jours)",
  "home.days.hint": "Ensuite, elle se supprime d'elle-même. Vous pouvez la supprimer plus tôt depuis la console.",
  "home.directory.label": "Reprendre le répertoire d'une synthèse antérieure (JSON)",
  "home.directory.hint":
    "Facultatif. Le répertoire communautaire de la synthèse JSON d'une session antérieure, pour le poursuivre. Le fichier est lu sur cet appareil : seul son répertoire est envoyé. Sans fichier, le répertoire commence avec les tableaux de la boîte à outils.",
  "home.directory.loaded.one": "Chargé depuis {file} : {n} ligne remplie.",
  "home.directory.loaded.many": "Chargé depuis {file} : {n} lignes remplies.",
  "home.directory.loaded.other": "Chargé depuis {file} : {n} lignes remplies.",
  "home.directory.clear": "Ne pas utiliser ce fichier",
  "home.directory.notJson": "Ce fichier n'est pas une synthèse JSON. Choisissez le fichier .json téléchargé depuis la console d'animation.",
  "home.directory.notSummary":
    "Ce fichier n'est pas une synthèse Candor. Choisissez le fichier .json téléchargé depuis la console d'animation.",
  "home.directory.none": "Cette synthèse n'a pas de répertoire communautaire (elle vient d'une version antérieure de Candor).",
  "home.directory.invalid": "Le répertoire de ce fichier est inutilisable : il a été modifié ou il est endommagé.",
  "home.directory.unreadable": "Le fichier n'a pas pu être lu. Réessayez.",
  "home.create": "Créer la session",
  "home.creating": "Création…",
  "home.error.title": "Donnez un titre à la session.",
  "home.error.domains": "Choisissez au moins un thème.",
  "home.error.k": "Indiquez un nombre entier de {min} à 20.",
  "home.error.days": "Indiquez un nombre entier de jours de 1 à 90.",
  "home.error.server": "La session n'a pas pu être créée : {message}",
  "home.error.templates": "Les évaluations n'ont pas pu être chargées. Rechargez la page pour réessayer.",
  "home.created.heading": "« {title} » est prête",
  "home.created.join": "Comment les participants rejoignent",
  "home.created.codeLabel": "Code de la session",
  "home.created.copyJoin": "Copier le lien pour rejoindre",
  "home.created.projector": "Vue projecteur",
  "home.created.projectorHint":
    "Ouvrez-la sur l'ordinateur relié au projecteur. Elle n'affiche que les résultats ; son seul bouton la met en plein écran.",
  "home.created.copyProjector": "Copier le lien du projecteur",
  "home.created.console": "Console d'animation",
  "home.created.keyWarningLead": "Ce lien est la clé de votre session.",
  "home.created.keyWarning":
    "Quiconque l'a peut mener la session et télécharger sa synthèse. Gardez-le privé : ne le projetez pas, ne le publiez pas ; partagez-le seulement avec les personnes qui co-animent. Il n'est affiché que maintenant : enregistrez-le en lieu sûr (p. ex. un gestionnaire de mots de passe).",
  "home.created.copyConsole": "Copier le lien d'animation",
  "home.created.another": "Créer une autre session",
  "home.created.save": "Enregistrez les liens avant de partir",
  "home.created.saveHint":
    "Le lien d'animation n'est affiché que sur cette page et ne peut pas être renvoyé. Gardez une fiche de session : elle contient le code de la session et son code QR, le lien du projecteur et le lien d'animation.",
  "home.created.download": "Télécharger la fiche de session",
  "home.created.print": "Imprimer la fiche de session",
  "home.created.downloaded": "Enregistrée sous {file}. Gardez ce fichier comme un mot de passe.",
  "home.created.printed": "Envoyée à l'imprimante. Gardez le papier comme un mot de passe.",
  "home.created.savedCheck": "J'ai enregistré le lien d'animation en lieu sûr",
  "home.created.unsaved": "Pas encore enregistré : le navigateur demandera confirmation avant la fermeture de cette page.",
  "home.created.saved": "Enregistré. Vous pouvez quitter cette page.",
  "home.created.leaveConfirm":
    "Le lien d'animation n'est pas encore enregistré. Sans lui, personne ne peut mener cette session ni télécharger sa synthèse. Partir quand même ?",
  "home.created.leaveBack": "Revenir aux liens",
  "home.created.leaveAnyway": "Partir sans enregistrer",
  "home.created.cardLoading": "Préparation de la fiche de session…",

  // ---- the session card ----
  "card.docTitle": "Fiche de session : {title}",
  "card.brand": "Fiche de session Candor",
  "card.join": "Les participants rejoignent",
  "card.code": "Code de la session",
  "card.joinLink": "Lien pour rejoindre",
  "card.projector": "Vue projecteur",
  "card.projectorHint":
    "À ouvrir sur l'ordinateur relié au projecteur. Elle n'affiche que les résultats ; son seul bouton la met en plein écran.",
  "card.facilitator": "Lien d'animation : ne jamais le projeter ni le partager",
  "card.warning":
    "Quiconque a ce lien, ou scanne ce code QR, contrôle la session : il peut la mener, télécharger sa synthèse et la supprimer. Gardez cette fiche comme un mot de passe. Partagez-la seulement avec les personnes qui co-animent, jamais sur un projecteur, un écran partagé ou dans une messagerie.",
  "card.facilitatorQrAlt": "Code QR du lien d'animation",

  // ---- home: comparison of summaries (organizations side by side, trend over time; read in the browser only) ----
  "compare.heading": "Comparer des évaluations",
  "compare.intro":
    "Chargez les synthèses JSON de plusieurs sessions : d'organisations différentes (un réseau d'orientation, les établissements vers lesquels vous orientez) pour les voir côte à côte, ou d'une même organisation à des dates différentes pour voir son évolution. La boîte à outils conseille de répéter l'évaluation dans le temps.",
  "compare.privacy":
    "Les fichiers sont lus par ce navigateur seulement : rien n'est envoyé, enregistré ni transmis nulle part, et fermer ou recharger la page les oublie.",
  "compare.files.label": "Fichiers de synthèse",
  "compare.file.hint":
    "Les synthèses JSON téléchargées depuis la console d'animation, jusqu'à {max}, toutes de la même évaluation. Choisissez-en plusieurs à la fois, ou déposez-les ici.",
  "compare.file.reading": "Lecture…",
  "compare.files.list": "Fichiers chargés",
  "compare.file.loaded": "« {title} », {day} · {organization}",
  "compare.file.ignored": "Les champs que cette version ne connaît pas ont été laissés de côté : {fields}.",
  "compare.file.remove": "Retirer",
  "compare.file.removeLabel": "Retirer {name}",
  "compare.files.removeAll": "Retirer tous les fichiers",
  "compare.error.notJson":
    "« {name} » n'est pas une synthèse Candor : ce n'est pas un fichier JSON. Choisissez la synthèse JSON téléchargée depuis la console d'animation.",
  "compare.error.notSummary":
    "« {name} » n'est pas une synthèse Candor. Choisissez la synthèse JSON téléchargée depuis la console d'animation.",
  "compare.error.version":
    "« {name} » est une synthèse Candor d'une autre version du format ({found}). Cette page lit celles-ci : {expected}.",
  "compare.error.tooBig": "« {name} » est trop volumineux pour être une synthèse Candor.",
  "compare.error.unreadable": "« {name} » n'a pas pu être lu. Essayez de le choisir de nouveau.",
  "compare.error.loadFailed": "La comparaison n'a pas pu être chargée. Rechargez la page pour réessayer.",
  "compare.error.tooMany":
    "« {name} » n'a pas été ajouté : {max} fichiers au plus peuvent être comparés à la fois. Retirez-en un pour en ajouter un autre.",
  "compare.error.template":
    "« {name} » est une synthèse de « {found} », les autres de « {expected} » : seules des synthèses de la même évaluation peuvent être comparées. Retirez les autres pour comparer celle-ci.",
  "compare.waiting": "Choisissez les fichiers de synthèse à comparer.",
  "compare.count.one": "{n} synthèse chargée ({max} au maximum).",
  "compare.count.many": "{n} synthèses chargées ({max} au maximum).",
  "compare.count.other": "{n} synthèses chargées ({max} au maximum).",
  "compare.refused.one": "{n} fichier n'a pas été ajouté : voir la liste.",
  "compare.refused.many": "{n} fichiers n'ont pas été ajoutés : voir la liste.",
  "compare.refused.other": "{n} fichiers n'ont pas été ajoutés : voir la liste.",
  "compare.view.legend": "Afficher",
  "compare.view.organizations": "Organisations côte à côte",
  "compare.view.trend": "Évolution dans le temps",
  "compare.topic": "{n}. {title}",
  "compare.value.number": "{v}",
  "compare.value.notAssessed": "non évalué",
  "compare.value.noConsensus": "pas de consensus",
  "compare.value.notAvailable": "service non disponible",
  "compare.value.notRecorded": "non enregistré",
  "compare.value.median.one": "médiane de {n} établissement",
  "compare.value.median.many": "médiane de {n} établissements",
  "compare.value.median.other": "médiane de {n} établissements",
  "compare.value.facility": "{facility} : {value}",
  "compare.weakest": "Le plus faible",
  "compare.needsImprovement": "À améliorer",
  "compare.actions.one": "{n} action",
  "compare.actions.other": "{n} actions",
  "compare.actions.none": "aucune action",
  "compare.orgs.caption": "Consensus enregistré par thème et par organisation",
  "compare.orgs.topic": "Thème",
  "compare.orgs.legend.weakest":
    "Le plus faible : la valeur enregistrée la plus basse d'un thème, quand au moins deux organisations en ont enregistré une et qu'elles diffèrent. « Pas de consensus » et « non évalué » ne sont pas classés.",
  "compare.orgs.legend.median":
    "Le thème 12 note chaque établissement du réseau d'orientation : sa case montre la médiane des valeurs enregistrées des établissements (la taille des réseaux varie, donc aucun établissement ne représente à lui seul le thème), puis la valeur de chaque établissement.",
  "compare.trend.organization": "Organisation",
  "compare.trend.heading.one": "{organization} : {n} évaluation",
  "compare.trend.heading.many": "{organization} : {n} évaluations, du {first} au {last}",
  "compare.trend.heading.other": "{organization} : {n} évaluations, du {first} au {last}",
  "compare.trend.single":
    "Une seule évaluation de {organization} est chargée : ajoutez les synthèses de ses autres sessions pour voir une évolution.",
  "compare.trend.others.one": "{n} autre organisation est chargée : choisissez-la ci-dessus pour voir son évolution.",
  "compare.trend.others.many": "{n} autres organisations sont chargées : choisissez-en une ci-dessus pour voir son évolution.",
  "compare.trend.others.other": "{n} autres organisations sont chargées : choisissez-en une ci-dessus pour voir son évolution.",
  "compare.trend.caption": "{topic} : valeurs enregistrées par date",
  "compare.trend.captionFacility": "{topic}, {facility} : valeurs enregistrées par date",
  "compare.trend.col.day": "Date",
  "compare.trend.col.value": "Consensus enregistré",
  "compare.trend.col.change": "Évolution",
  "compare.change.up": "+{n}, plus haut",
  "compare.change.down": "−{n}, plus bas",
  "compare.change.none": "sans changement",
  "compare.change.na": "comparaison impossible",
  "compare.dist.stable": "notes déplacées : {pct} % · stable",
  "compare.dist.changed": "notes déplacées : {pct} % · changé",
  "compare.chart.noConsensus": "PC",
  "compare.trend.legend.chart":
    "Graphiques : un point plein est un consensus enregistré, sur l'échelle du thème, de 1 en bas ; la ligne relie les évaluations consécutives qui en ont toutes deux enregistré un. Un cercle vide sur la ligne la plus basse (PC) signifie « pas de consensus » ; une colonne vide signifie « non évalué » ou « non enregistré ». Les évaluations sont espacées régulièrement, dans l'ordre de leur date.",
  "compare.trend.legend.change":
    "Évolution : par rapport à l'évaluation précédente, quand les deux ont enregistré une valeur. Notes déplacées : la part des notes qui devraient changer de place pour passer du dernier tour de l'évaluation précédente à celui de cette évaluation ; 15 % ou moins compte comme stable.",

  // ---- the session's language ----
  "home.lang.label": "Langue de la session",
  "home.lang.hint": "Pour le projecteur, la console et le rapport. Chaque téléphone choisit sa propre langue.",
} satisfies Record<string, string>;
export default messages;
