/**
 * @module i18n/es/errors
 * Spanish: the API's error codes as the home page and the console word them (lib/apiErrorText.ts). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "apiError.invalid-request": "Algunos datos no fueron aceptados: revise los campos marcados.",
  "apiError.malformed-json": "El servidor no pudo leer la solicitud. Vuelva a cargar la página e inténtelo de nuevo.",
  "apiError.unauthorized": "Falta la clave de facilitador.",
  "apiError.forbidden": "El servidor rechazó esta solicitud.",
  "apiError.not-found": "El servidor no encontró lo que se pidió.",
  "apiError.method-not-allowed": "El servidor no permite esta solicitud.",
  "apiError.too-large": "La solicitud es demasiado grande.",
  "apiError.unsupported-media-type": "El servidor no pudo leer el formato de la solicitud. Vuelva a cargar la página e inténtelo de nuevo.",
  "apiError.bad-request": "El servidor no pudo procesar la solicitud.",
  "apiError.internal": "El servidor tuvo un problema. Inténtelo de nuevo en un momento.",
  "apiError.cross-origin": "Se rechazan las solicitudes desde otro sitio. Abra esta página en su propia dirección.",
  "apiError.too-many-joins": "Demasiados intentos desde esta red: inténtelo de nuevo en unos segundos.",
  "apiError.misconfigured": "El servidor no está bien configurado. Avise a quien lo administra.",
  "apiError.unavailable": "El servicio de sesiones no está disponible ahora. Inténtelo de nuevo en un momento.",
  "apiError.no-room": "Esta sesión ya no existe.",
  "apiError.wrong-key": "El servidor rechazó la clave de facilitador.",
  "apiError.room-exists": "Ya existe una sesión con esta dirección. Inténtelo de nuevo.",
  "apiError.room-service-error": "El servicio de sesiones tuvo un problema. Inténtelo de nuevo en un momento.",
  "apiError.unknown-template": "Esta evaluación no está disponible en este servidor.",
  "apiError.unknown-join-code": "Ninguna sesión tiene este código.",
  "apiError.key-required": "Falta la clave de facilitador.",
  "apiError.invalid-format": "Ese formato no está disponible.",
  "apiError.no-free-code": "No hay ningún código de acceso libre ahora. Inténtelo de nuevo.",
  "apiError.field": "El servidor no aceptó este campo: revíselo.",
  "apiError.unexpected": "No se pudo leer la respuesta del servidor. Vuelva a cargar la página e inténtelo de nuevo.",
  "apiError.unknown-language": "Ese idioma no está disponible.",
} satisfies Record<string, string>;
export default messages;
