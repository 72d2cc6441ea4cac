/**
 * @module i18n/es/organizer
 * Spanish: what the organizer's and facilitator's pages share and a phone never shows: the join
 * line (projector, console, the created session) and the lost-key warning (home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "join.heading": "Únase desde su teléfono",
  "join.qrAlt": "Código QR que abre {url}",
  "join.codeLabel": "O vaya a {url} e introduzca el código",
  "join.line": "Únase en {url} con el código {code}",
  "keys.lost.heading": "Si se pierde el enlace de facilitador",
  "keys.lost.noBackDoor":
    "No hay ninguna puerta trasera. Candor guarda solo una huella de la clave, así que nadie puede abrir la consola sin el enlace: ni la organización, ni quien administra esta instalación.",
  "keys.lost.erasesOn":
    "Entonces nadie puede terminar la sesión, descargar su resumen ni eliminarla. Se borra sola, con todo su contenido, cuando termina su plazo de conservación, el {date}.",
  "keys.lost.erases":
    "Entonces nadie puede terminar la sesión, descargar su resumen ni eliminarla. Se borra sola, con todo su contenido, cuando termina su plazo de conservación: tras el número de días elegido al crearla (30 si no se cambió, 90 como máximo).",
} satisfies Record<string, string>;
export default messages;
