/**
 * The pages' language runtime (client/src/i18n): which language a page starts in, loading a page's
 * areas in one language (the pseudo-locale from English), plurals in the page's language, and a
 * switch that a later switch overtakes.
 */
import { describe, expect, it } from "vitest";
import { AREA_FILES } from "../../client/src/i18n/all";
import type { Messages, PageStrings } from "../../client/src/i18n/areas";
import { PHONE_STRINGS } from "../../client/src/i18n/pages/phone";
import { chooseLanguage, languageInQuery, queryWithoutLanguage } from "../../client/src/i18n/choose";
import * as i18n from "../../client/src/i18n/index";
import type { Language } from "../../core/languages";

describe("chooseLanguage", () => {
  const browser = ["de-DE", "pt-BR", "en"];
  it("takes ?lang= first, even over a saved choice (tests and one device's override)", () => {
    expect(chooseLanguage({ url: "ar", chosen: "es", browser })).toBe("ar");
    expect(chooseLanguage({ url: "en-XA", chosen: "es", browser })).toBe("en-XA");
  });
  it("then the saved (or session's) choice, then the browser's first language we speak, then English", () => {
    expect(chooseLanguage({ url: null, chosen: "fr", browser })).toBe("fr");
    expect(chooseLanguage({ url: null, chosen: null, browser })).toBe("pt");
    expect(chooseLanguage({ url: null, chosen: undefined, browser: ["de", "ja"] })).toBe("en");
  });
  it("ignores what is not a language it speaks", () => {
    expect(chooseLanguage({ url: "de", chosen: "xx", browser: ["es-MX"] })).toBe("es");
    expect(chooseLanguage({ url: "", chosen: "en-XA", browser: [] })).toBe("en"); // never a saved pseudo-locale
  });
});

describe("?lang= in the address", () => {
  it("reads a language or the pseudo-locale, nothing else", () => {
    expect(languageInQuery("?lang=ar")).toBe("ar");
    expect(languageInQuery("?x=1&lang=en-XA")).toBe("en-XA");
    expect(languageInQuery("?lang=de")).toBeNull();
    expect(languageInQuery("")).toBeNull();
  });
  it("is dropped after a tap, keeping the rest", () => {
    expect(queryWithoutLanguage("?lang=ar")).toBe("");
    expect(queryWithoutLanguage("?a=1&lang=ar&b=2")).toBe("?a=1&b=2");
  });
});

/** A page whose strings load when the test says so, recording which language each load asked for. */
function controlledPage(): { strings: PageStrings; asked: Language[]; release: (lang: Language) => void; fail: (lang: Language) => void } {
  const waiting = new Map<Language, { resolve: (m: Messages[]) => void; reject: (e: Error) => void }>();
  const asked: Language[] = [];
  return {
    asked,
    strings: {
      areas: ["shared", "phone"],
      load: (lang) =>
        new Promise<Messages[]>((resolve, reject) => {
          asked.push(lang);
          waiting.set(lang, { resolve, reject });
        }),
    },
    release: (lang) => waiting.get(lang)?.resolve([AREA_FILES[lang]?.shared ?? {}, AREA_FILES[lang]?.phone ?? {}]),
    fail: (lang) => waiting.get(lang)?.reject(new Error("offline")),
  };
}

describe("a page's strings", () => {
  it("load only the page's areas in the chosen language (the phone: three files of Arabic)", async () => {
    const parts = await PHONE_STRINGS.load("ar");
    expect(parts).toEqual([AREA_FILES.ar?.shared, AREA_FILES.ar?.session, AREA_FILES.ar?.phone]);
  });

  it("the pseudo-locale is English, pseudo-localised, placeholders kept", async () => {
    const page = controlledPage();
    const loading = i18n.messagesIn(page.strings, "en-XA");
    expect(page.asked).toEqual(["en"]);
    page.release("en");
    const messages = await loading;
    expect(messages["phone.code.title"]).toMatch(/^⟦Ĵöîñ å šéššîöñ·+⟧$/);
    expect(messages["common.charCount"]).toContain("{n}");
  });

  it("t and tn answer synchronously in the page's language, with Arabic's six plural forms", async () => {
    const page = controlledPage();
    const started = i18n.startPage(page.strings, "phone.docTitle", "ar");
    page.release("ar");
    await started;
    expect(i18n.lang).toBe("ar");
    expect(i18n.t("phone.code.submit")).toBe(AREA_FILES.ar?.phone?.["phone.code.submit"]);
    const forms = [0, 1, 2, 3, 11, 100].map((n) => i18n.tn("privacy.threshold", n));
    expect(new Set(forms).size).toBe(6);
    expect(forms[3]).toBe(AREA_FILES.ar?.phone?.["privacy.threshold.few"]?.replace("{n}", new Intl.NumberFormat("ar").format(3)));
  });

  it("a switch re-renders once its strings are in; a later switch overtakes an earlier one; a failed one changes nothing", async () => {
    const page = controlledPage();
    const started = i18n.startPage(page.strings, "phone.docTitle", "en");
    page.release("en");
    await started;
    let renders = 0;
    const stop = i18n.onLanguageChange(() => renders++);

    const toFrench = i18n.setLanguage("fr");
    const toSpanish = i18n.setLanguage("es");
    expect(i18n.lang).toBe("en"); // nothing changes while loading: the page keeps its words
    page.release("es");
    await toSpanish;
    page.release("fr");
    await toFrench;
    expect(i18n.lang).toBe("es");
    expect(i18n.t("phone.code.submit")).toBe(AREA_FILES.es?.phone?.["phone.code.submit"]);
    expect(renders).toBe(1);

    const toArabic = i18n.setLanguage("ar");
    page.fail("ar");
    await expect(toArabic).rejects.toThrow("offline");
    expect(i18n.lang).toBe("es");
    expect(renders).toBe(1);
    stop();
  });

  it("formats numbers and dates in the page's language", async () => {
    const page = controlledPage();
    const started = i18n.startPage(page.strings, "phone.docTitle", "fr");
    page.release("fr");
    await started;
    expect(i18n.formatNumber(12345.5)).toBe(new Intl.NumberFormat("fr").format(12345.5));
    const day = new Date(Date.UTC(2027, 0, 31, 12));
    expect(i18n.formatDate(day, { dateStyle: "long", timeZone: "UTC" })).toBe("31 janvier 2027");
  });
});

describe("formatDay", () => {
  it("writes a summary's calendar day in the page's language, the same day in every time zone", async () => {
    const page = controlledPage();
    const started = i18n.startPage(page.strings, "phone.docTitle", "es");
    page.release("es");
    await started;
    expect(i18n.formatDay("2027-01-31")).toBe(
      new Intl.DateTimeFormat("es", { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2027, 0, 31, 12)),
    );
    expect(i18n.formatDay("2027-01-31")).toContain("31");
    expect(i18n.formatDay("not a day")).toBe("not a day");
  });
});

describe("filled-in text on a right-to-left page", () => {
  it("is isolated in Arabic (an address keeps its order), left as it is in Spanish", async () => {
    const page = controlledPage();
    const ar = i18n.startPage(page.strings, "phone.docTitle", "ar");
    page.release("ar");
    await ar;
    expect(i18n.t("phone.code.unknownLink", { code: "AB12" })).toContain("\u2068AB12\u2069");
    const es = i18n.setLanguage("es");
    page.release("es");
    await es;
    expect(i18n.t("phone.code.unknownLink", { code: "AB12" })).not.toContain("\u2068");
    expect(i18n.t("phone.code.unknownLink", { code: "AB12" })).toContain("AB12");
  });
});
