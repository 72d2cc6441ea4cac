/**
 * @module i18n/fr/organizer
 * French: what the organizer's and facilitator's pages share and a phone never shows: the join
 * line (projector, console, the created session) and the lost-key warning (home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "join.heading": "Rejoignez depuis votre téléphone",
  "join.qrAlt": "Code QR qui ouvre {url}",
  "join.codeLabel": "Ou allez sur {url} et saisissez le code",
  "join.line": "Rejoignez sur {url} avec le code {code}",
  "keys.lost.heading": "Si le lien d'animation est perdu",
  "keys.lost.noBackDoor":
    "Il n'y a pas de porte dérobée. Candor ne garde qu'une empreinte de la clé : personne ne peut ouvrir la console sans le lien, ni l'organisateur, ni qui que ce soit qui gère cette installation.",
  "keys.lost.erasesOn":
    "Personne ne peut alors terminer la session, télécharger sa synthèse ni la supprimer. Elle s'efface d'elle-même, avec tout son contenu, à la fin de sa durée de conservation, le {date}.",
  "keys.lost.erases":
    "Personne ne peut alors terminer la session, télécharger sa synthèse ni la supprimer. Elle s'efface d'elle-même, avec tout son contenu, à la fin de sa durée de conservation : après le nombre de jours choisi à sa création (30 par défaut, 90 au plus).",
} satisfies Record<string, string>;
export default messages;
