/**
 * @module i18n/keys
 * Every message key, as one compile-time union of the English areas' keys: `t("phone.nope")` does
 * not compile. Types only: nothing here reaches a bundle.
 */
import type consoleArea from "./en/console";
import type errors from "./en/errors";
import type organizer from "./en/organizer";
import type home from "./en/home";
import type phone from "./en/phone";
import type screens from "./en/screens";
import type session from "./en/session";
import type shared from "./en/shared";
import type toolkit from "./en/toolkit";

export type MessageKey =
  | keyof typeof shared
  | keyof typeof session
  | keyof typeof phone
  | keyof typeof screens
  | keyof typeof consoleArea
  | keyof typeof home
  | keyof typeof toolkit
  | keyof typeof errors
  | keyof typeof organizer;
