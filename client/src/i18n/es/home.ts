/**
 * @module i18n/es/home
 * Spanish: the strings of the home page (create, created, compare). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  // ---- page titles ----
  "home.docTitle": "Candor — iniciar una sesión",

  // ---- home ----
  "home.heading": "Iniciar una sesión de evaluación",
  "home.intro":
    "Los participantes responden de forma anónima en sus teléfonos; el grupo ve los resultados solo cuando suficientes personas han calificado, y la sesión conserva solo el consenso.",
  "home.template.label": "Evaluación",
  "home.template.topics.one": "{n} tema.",
  "home.template.topics.many": "{n} temas.",
  "home.template.topics.other": "{n} temas.",
  "home.title.label": "Título de la sesión",
  "home.title.hint": "Se muestra en el proyector y en los teléfonos de los participantes, p. ej., «Revisión del servicio, marzo».",
  "home.facility.label": "Centro evaluado",
  "home.facility.hint":
    "Opcional. Lo que evalúan los temas. Para calificarlo también en el tema AAAQ, agréguelo a la lista de ese tema, más abajo, y márquelo como «En evaluación».",
  "home.domains.legend": "Temas de hoy",
  "home.domains.all": "Seleccionar todos",
  "home.domains.none": "No seleccionar ninguno",
  "home.facilities.legend": "Centros que se califican en el tema AAAQ (opcional por ahora)",
  "home.k.label": "Umbral de anonimato (k)",
  "home.k.hint":
    "Los resultados se muestran solo cuando al menos esta cantidad de personas ha calificado. Se recomienda {n}; el mínimo es 3.",
  "home.k.warning":
    "Con k = {k}, los resultados pueden mostrarse a partir de muy pocas personas, así que es más fácil adivinar las respuestas. El teléfono de cada participante lo indicará.",
  "home.days.label": "Conservar la sesión durante (días)",
  "home.days.hint": "Después se elimina sola. Puede eliminarla antes desde la consola.",
  "home.directory.label": "Empezar el directorio desde un resumen anterior (JSON)",
  "home.directory.hint":
    "Opcional. El directorio comunitario del resumen JSON de una sesión anterior, para continuarlo. El archivo se lee en este dispositivo: solo se envía su directorio. Sin archivo, el directorio empieza con las tablas del kit de herramientas.",
  "home.directory.loaded.one": "Cargado desde {file}: {n} fila completada.",
  "home.directory.loaded.many": "Cargado desde {file}: {n} filas completadas.",
  "home.directory.loaded.other": "Cargado desde {file}: {n} filas completadas.",
  "home.directory.clear": "No usar este archivo",
  "home.directory.notJson": "Este archivo no es un resumen JSON. Elija el archivo .json descargado desde la consola del facilitador.",
  "home.directory.notSummary":
    "Este archivo no es un resumen de Candor. Elija el archivo .json descargado desde la consola del facilitador.",
  "home.directory.none": "Este resumen no tiene directorio comunitario (es de una versión anterior de Candor).",
  "home.directory.invalid": "No se puede usar el directorio de este archivo: fue modificado o está dañado.",
  "home.directory.unreadable": "No se pudo leer el archivo. Vuelva a intentarlo.",
  "home.create": "Crear la sesión",
  "home.creating": "Creando…",
  "home.error.title": "Dé un título a la sesión.",
  "home.error.domains": "Elija al menos un tema.",
  "home.error.k": "Use un número entero de {min} a 20.",
  "home.error.days": "Use un número entero de días de 1 a 90.",
  "home.error.server": "No se pudo crear la sesión: {message}",
  "home.error.templates": "No se pudieron cargar las evaluaciones. Vuelva a cargar la página para intentarlo de nuevo.",
  "home.created.heading": "«{title}» está lista",
  "home.created.join": "Cómo se unen los participantes",
  "home.created.codeLabel": "Código de la sesión",
  "home.created.copyJoin": "Copiar el enlace para unirse",
  "home.created.projector": "Vista del proyector",
  "home.created.projectorHint":
    "Ábrala en la computadora conectada al proyector. Solo muestra resultados; su único botón la pone en pantalla completa.",
  "home.created.copyProjector": "Copiar el enlace del proyector",
  "home.created.console": "Consola del facilitador",
  "home.created.keyWarningLead": "Este enlace es la llave de su sesión.",
  "home.created.keyWarning":
    "Cualquiera que lo tenga puede dirigir la sesión y descargar su resumen. Manténgalo en privado: no lo proyecte ni lo publique; compártalo solo con cofacilitadores. Se muestra solo ahora, así que guárdelo en un lugar seguro (p. ej., un gestor de contraseñas).",
  "home.created.copyConsole": "Copiar el enlace de facilitador",
  "home.created.another": "Crear otra sesión",
  "home.created.save": "Guarde los enlaces antes de salir",
  "home.created.saveHint":
    "El enlace de facilitador se muestra solo en esta página y no se puede volver a enviar. Guarde una tarjeta de sesión: tiene el código de la sesión y su código QR, el enlace del proyector y el enlace de facilitador.",
  "home.created.download": "Descargar la tarjeta de sesión",
  "home.created.print": "Imprimir la tarjeta de sesión",
  "home.created.downloaded": "Guardada como {file}. Guarde ese archivo como una contraseña.",
  "home.created.printed": "Enviada a la impresora. Guarde el papel como una contraseña.",
  "home.created.savedCheck": "Guardé el enlace de facilitador en un lugar seguro",
  "home.created.unsaved": "Todavía no está guardado: el navegador preguntará antes de cerrar esta página.",
  "home.created.saved": "Guardado. Puede salir de esta página.",
  "home.created.leaveConfirm":
    "El enlace de facilitador todavía no está guardado. Sin él, nadie puede dirigir esta sesión ni descargar su resumen. ¿Salir de todos modos?",
  "home.created.leaveBack": "Volver a los enlaces",
  "home.created.leaveAnyway": "Salir sin guardar",
  "home.created.cardLoading": "Preparando la tarjeta de sesión…",

  // ---- the session card ----
  "card.docTitle": "Tarjeta de sesión: {title}",
  "card.brand": "Tarjeta de sesión de Candor",
  "card.join": "Los participantes se unen",
  "card.code": "Código de la sesión",
  "card.joinLink": "Enlace para unirse",
  "card.projector": "Vista del proyector",
  "card.projectorHint":
    "Ábrala en la computadora conectada al proyector. Solo muestra resultados; su único botón la pone en pantalla completa.",
  "card.facilitator": "Enlace de facilitador: nunca lo proyecte ni lo comparta",
  "card.warning":
    "Quien tenga este enlace, o escanee este código QR, controla la sesión: puede dirigirla, descargar su resumen y eliminarla. Guarde esta tarjeta como una contraseña. Compártala solo con cofacilitadores, nunca en un proyector, una pantalla compartida ni un chat.",
  "card.facilitatorQrAlt": "Código QR del enlace de facilitador",

  // ---- home: comparison of summaries (organizations side by side, trend over time; read in the browser only) ----
  "compare.heading": "Comparar evaluaciones",
  "compare.intro":
    "Cargue los resúmenes JSON de varias sesiones: de organizaciones distintas (una red de derivación, los centros a los que deriva) para verlas lado a lado, o de una misma organización en días distintos para ver su tendencia. El kit de herramientas recomienda repetir la evaluación a lo largo del tiempo.",
  "compare.privacy":
    "Los archivos los lee solo este navegador: nada se sube, se guarda ni se envía a ningún lugar, y al cerrar o recargar la página se olvidan.",
  "compare.files.label": "Archivos de resumen",
  "compare.file.hint":
    "Los resúmenes JSON descargados desde la consola del facilitador, hasta {max}, todos de la misma evaluación. Elija varios a la vez o suéltelos aquí.",
  "compare.file.reading": "Leyendo…",
  "compare.files.list": "Archivos cargados",
  "compare.file.loaded": "«{title}», {day} · {organization}",
  "compare.file.ignored": "Se omitieron los campos que esta versión no conoce: {fields}.",
  "compare.file.remove": "Quitar",
  "compare.file.removeLabel": "Quitar {name}",
  "compare.files.removeAll": "Quitar todos los archivos",
  "compare.error.notJson":
    "«{name}» no es un resumen de Candor: no es un archivo JSON. Elija el resumen JSON descargado desde la consola del facilitador.",
  "compare.error.notSummary": "«{name}» no es un resumen de Candor. Elija el resumen JSON descargado desde la consola del facilitador.",
  "compare.error.version": "«{name}» es un resumen de Candor de otra versión del formato ({found}). Esta página lee estas: {expected}.",
  "compare.error.tooBig": "«{name}» es demasiado grande para ser un resumen de Candor.",
  "compare.error.unreadable": "No se pudo leer «{name}». Intente elegirlo de nuevo.",
  "compare.error.loadFailed": "No se pudo cargar la comparación. Vuelva a cargar la página para intentarlo de nuevo.",
  "compare.error.tooMany": "«{name}» no se agregó: se pueden comparar {max} archivos como máximo a la vez. Quite uno para agregar otro.",
  "compare.error.template":
    "«{name}» es un resumen de «{found}», y los demás, de «{expected}»: solo se pueden comparar resúmenes de la misma evaluación. Quite los demás para comparar este.",
  "compare.waiting": "Elija los archivos de resumen que quiere comparar.",
  "compare.count.one": "{n} resumen cargado (como máximo {max}).",
  "compare.count.many": "{n} resúmenes cargados (como máximo {max}).",
  "compare.count.other": "{n} resúmenes cargados (como máximo {max}).",
  "compare.refused.one": "{n} archivo no se agregó: vea la lista.",
  "compare.refused.many": "{n} archivos no se agregaron: vea la lista.",
  "compare.refused.other": "{n} archivos no se agregaron: vea la lista.",
  "compare.view.legend": "Mostrar",
  "compare.view.organizations": "Organizaciones lado a lado",
  "compare.view.trend": "Tendencia en el tiempo",
  "compare.topic": "{n}. {title}",
  "compare.value.number": "{v}",
  "compare.value.notAssessed": "no evaluado",
  "compare.value.noConsensus": "sin consenso",
  "compare.value.notAvailable": "servicio no disponible",
  "compare.value.notRecorded": "no registrado",
  "compare.value.median.one": "mediana de {n} centro",
  "compare.value.median.many": "mediana de {n} centros",
  "compare.value.median.other": "mediana de {n} centros",
  "compare.value.facility": "{facility}: {value}",
  "compare.weakest": "El más bajo",
  "compare.needsImprovement": "Necesita mejorar",
  "compare.actions.one": "{n} acción",
  "compare.actions.other": "{n} acciones",
  "compare.actions.none": "ninguna acción",
  "compare.orgs.caption": "Consenso registrado por tema y organización",
  "compare.orgs.topic": "Tema",
  "compare.orgs.legend.weakest":
    "El más bajo: el valor registrado más bajo de un tema, cuando al menos dos organizaciones registraron uno y son distintos. «Sin consenso» y «no evaluado» no entran en la comparación.",
  "compare.orgs.legend.median":
    "El tema 12 califica cada centro de la red de derivación: su celda muestra la mediana de los valores registrados de los centros (las redes tienen tamaños distintos, así que ningún centro por sí solo representa el tema) y luego el valor de cada centro.",
  "compare.trend.organization": "Organización",
  "compare.trend.heading.one": "{organization}: {n} evaluación",
  "compare.trend.heading.many": "{organization}: {n} evaluaciones, de {first} a {last}",
  "compare.trend.heading.other": "{organization}: {n} evaluaciones, de {first} a {last}",
  "compare.trend.single":
    "Solo hay una evaluación de {organization} cargada: agregue los resúmenes de sus otras sesiones para ver una tendencia.",
  "compare.trend.others.one": "Hay {n} organización más cargada: elíjala arriba para ver su tendencia.",
  "compare.trend.others.many": "Hay {n} organizaciones más cargadas: elija una arriba para ver su tendencia.",
  "compare.trend.others.other": "Hay {n} organizaciones más cargadas: elija una arriba para ver su tendencia.",
  "compare.trend.caption": "{topic}: valores registrados por día",
  "compare.trend.captionFacility": "{topic}, {facility}: valores registrados por día",
  "compare.trend.col.day": "Día",
  "compare.trend.col.value": "Consenso",
  "compare.trend.col.change": "Cambio",
  "compare.change.up": "+{n}, más alto",
  "compare.change.down": "−{n}, más bajo",
  "compare.change.none": "sin cambio",
  "compare.change.na": "no se puede comparar",
  "compare.dist.stable": "calificaciones movidas: {pct}% · estable",
  "compare.dist.changed": "calificaciones movidas: {pct}% · cambió",
  "compare.chart.noConsensus": "SC",
  "compare.trend.legend.chart":
    "Gráficos: un punto relleno es un consenso registrado, en la escala del tema, desde el 1 abajo; la línea une evaluaciones consecutivas que registraron uno las dos. Un círculo vacío en la línea más baja (SC) es «sin consenso»; una columna vacía es «no evaluado» o «no registrado». Las evaluaciones están espaciadas por igual, en el orden de su día.",
  "compare.trend.legend.change":
    "Cambio: respecto de la evaluación anterior, cuando las dos registraron un valor. Calificaciones movidas: la proporción de calificaciones que tendría que moverse para convertir la última ronda de la evaluación anterior en la de esta; un 15% o menos se considera estable.",

  // ---- the session's language ----
  "home.lang.label": "Idioma de la sesión",
  "home.lang.hint": "Para el proyector, la consola y el informe. Cada teléfono elige su propio idioma.",
} satisfies Record<string, string>;
export default messages;
