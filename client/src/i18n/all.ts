/**
 * @module i18n/all
 * Whole catalogues, every area merged, for tests and tools only: no page imports this (a page loads
 * its own areas in its own language, ./areas.ts).
 */
import arConsole from "./ar/console";
import arErrors from "./ar/errors";
import arOrganizer from "./ar/organizer";
import arHome from "./ar/home";
import arPhone from "./ar/phone";
import arScreens from "./ar/screens";
import arSession from "./ar/session";
import arShared from "./ar/shared";
import arToolkit from "./ar/toolkit";
import enConsole from "./en/console";
import enErrors from "./en/errors";
import enOrganizer from "./en/organizer";
import enHome from "./en/home";
import enPhone from "./en/phone";
import enScreens from "./en/screens";
import enSession from "./en/session";
import enShared from "./en/shared";
import enToolkit from "./en/toolkit";
import esConsole from "./es/console";
import esErrors from "./es/errors";
import esOrganizer from "./es/organizer";
import esHome from "./es/home";
import esPhone from "./es/phone";
import esScreens from "./es/screens";
import esSession from "./es/session";
import esShared from "./es/shared";
import esToolkit from "./es/toolkit";
import frConsole from "./fr/console";
import frErrors from "./fr/errors";
import frOrganizer from "./fr/organizer";
import frHome from "./fr/home";
import frPhone from "./fr/phone";
import frScreens from "./fr/screens";
import frSession from "./fr/session";
import frShared from "./fr/shared";
import frToolkit from "./fr/toolkit";
import ptConsole from "./pt/console";
import ptErrors from "./pt/errors";
import ptOrganizer from "./pt/organizer";
import ptHome from "./pt/home";
import ptPhone from "./pt/phone";
import ptScreens from "./pt/screens";
import ptSession from "./pt/session";
import ptShared from "./pt/shared";
import ptToolkit from "./pt/toolkit";
import type { Area, Messages } from "./areas";

/** Each language's areas, by area. */
export const AREA_FILES: Readonly<Record<string, Readonly<Record<Area, Messages>>>> = {
  en: {
    shared: enShared,
    session: enSession,
    phone: enPhone,
    screens: enScreens,
    console: enConsole,
    home: enHome,
    toolkit: enToolkit,
    errors: enErrors,
    organizer: enOrganizer,
  },
  es: {
    shared: esShared,
    session: esSession,
    phone: esPhone,
    screens: esScreens,
    console: esConsole,
    home: esHome,
    toolkit: esToolkit,
    errors: esErrors,
    organizer: esOrganizer,
  },
  fr: {
    shared: frShared,
    session: frSession,
    phone: frPhone,
    screens: frScreens,
    console: frConsole,
    home: frHome,
    toolkit: frToolkit,
    errors: frErrors,
    organizer: frOrganizer,
  },
  pt: {
    shared: ptShared,
    session: ptSession,
    phone: ptPhone,
    screens: ptScreens,
    console: ptConsole,
    home: ptHome,
    toolkit: ptToolkit,
    errors: ptErrors,
    organizer: ptOrganizer,
  },
  ar: {
    shared: arShared,
    session: arSession,
    phone: arPhone,
    screens: arScreens,
    console: arConsole,
    home: arHome,
    toolkit: arToolkit,
    errors: arErrors,
    organizer: arOrganizer,
  },
};

const merged = (lang: string): Messages => Object.assign({}, ...Object.values(AREA_FILES[lang] ?? {})) as Messages;

/** English, whole and typed: the reference every other catalogue is checked against. */
export const en = {
  ...enShared,
  ...enSession,
  ...enPhone,
  ...enScreens,
  ...enConsole,
  ...enHome,
  ...enToolkit,
  ...enErrors,
  ...enOrganizer,
};
export const es = merged("es");
export const fr = merged("fr");
export const pt = merged("pt");
export const ar = merged("ar");
