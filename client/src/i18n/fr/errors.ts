/**
 * @module i18n/fr/errors
 * French: the API's error codes as the home page and the console word them (lib/apiErrorText.ts). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "apiError.invalid-request": "Certaines informations n'ont pas été acceptées : vérifiez les champs signalés.",
  "apiError.malformed-json": "Le serveur n'a pas pu lire la requête. Rechargez la page et réessayez.",
  "apiError.unauthorized": "La clé d'animation est manquante.",
  "apiError.forbidden": "Le serveur a refusé cette requête.",
  "apiError.not-found": "Le serveur n'a pas trouvé ce qui était demandé.",
  "apiError.method-not-allowed": "Le serveur n'autorise pas cette requête.",
  "apiError.too-large": "La requête est trop volumineuse.",
  "apiError.unsupported-media-type": "Le serveur n'a pas pu lire le format de la requête. Rechargez la page et réessayez.",
  "apiError.bad-request": "Le serveur n'a pas pu traiter la requête.",
  "apiError.internal": "Le serveur a rencontré un problème. Réessayez dans un instant.",
  "apiError.cross-origin": "Les requêtes venant d'un autre site sont refusées. Ouvrez cette page à sa propre adresse.",
  "apiError.too-many-joins": "Trop de tentatives depuis ce réseau : réessayez dans quelques secondes.",
  "apiError.misconfigured": "Le serveur n'est pas correctement configuré. Prévenez la personne qui l'administre.",
  "apiError.unavailable": "Le service des séances est indisponible pour le moment. Réessayez dans un instant.",
  "apiError.no-room": "Cette séance n'existe plus.",
  "apiError.wrong-key": "Le serveur a refusé la clé d'animation.",
  "apiError.room-exists": "Une séance existe déjà à cette adresse. Réessayez.",
  "apiError.room-service-error": "Le service des séances a rencontré un problème. Réessayez dans un instant.",
  "apiError.unknown-template": "Cette évaluation n'est pas disponible sur ce serveur.",
  "apiError.unknown-join-code": "Aucune séance n'a ce code.",
  "apiError.key-required": "La clé d'animation est manquante.",
  "apiError.invalid-format": "Ce format n'est pas disponible.",
  "apiError.no-free-code": "Aucun code d'accès n'est libre pour le moment. Réessayez.",
  "apiError.field": "Le serveur n'a pas accepté ce champ : vérifiez-le.",
  "apiError.unexpected": "La réponse du serveur n'a pas pu être lue. Rechargez la page et réessayez.",
  "apiError.unknown-language": "Cette langue n’est pas disponible.",
} satisfies Record<string, string>;
export default messages;
