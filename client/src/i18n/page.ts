/**
 * @module i18n/page
 * The browser side of choosing a language: where a page's first language comes from, mounting it
 * once its strings are in, and re-rendering it in place on a switch (the same tree, so drafts,
 * ballots, sockets and scroll position stay).
 */
import type { VNode } from "preact";
import { render } from "preact";
import { useEffect } from "preact/hooks";
import type { Language, LanguageOrPseudo } from "../../../core/languages";
import type { PageStrings } from "./areas";
import { chooseLanguage, languageInQuery, queryWithoutLanguage } from "./choose";
import { lang, type MessageKey, onLanguageChange, setLanguage, startPage } from "./index";
import { saveLanguage, savedLanguage } from "./saved";

const browserLanguages = (): readonly string[] => navigator.languages ?? [navigator.language];
/** `?lang=` on this page's address: overrides everything for this device (tests drive pages with it). */
export const languageOverride = (): LanguageOrPseudo | null => languageInQuery(location.search);

/** A page a person reads for themselves (phone, home, toolkit): address, then saved choice, then browser. */
export const personalLanguage = (): LanguageOrPseudo =>
  chooseLanguage({ url: languageOverride(), chosen: savedLanguage(), browser: browserLanguages() });

/** A session's screen (projector, console) before the session says its language: address, then browser. */
export const screenLanguage = (): LanguageOrPseudo =>
  chooseLanguage({ url: languageOverride(), chosen: null, browser: browserLanguages() });

/** Loads the page's strings, renders `app`, and renders it again after every language switch. */
export async function mountPage(strings: PageStrings, title: MessageKey, first: LanguageOrPseudo, app: () => VNode): Promise<void> {
  const root = document.getElementById("app");
  await startPage(strings, title, first);
  if (!root) return;
  const draw = () => render(app(), root);
  onLanguageChange(draw);
  draw();
}

/** A tap on the switcher: remember it on this device and drop `?lang=` so a reload keeps it. */
export function choosePersonalLanguage(next: Language): void {
  saveLanguage(next);
  const query = queryWithoutLanguage(location.search);
  if (query !== location.search) history.replaceState(history.state, "", `${location.pathname}${query}${location.hash}`);
  setLanguage(next).catch(() => {
    // Offline: the page stays in its language; the next tap tries again.
  });
}

/** Projector and console: follow the session's language, live, unless `?lang=` fixed this device's. */
export function useSessionLanguage(session: Language | undefined | null): void {
  useEffect(() => {
    if (!session || languageOverride() || session === lang) return;
    setLanguage(session).catch(() => {
      // Stays in the language it has; the next meta (or a reload) tries again.
    });
  }, [session]);
}
