/** core/languages.ts: which languages Candor speaks, how a browser's preference maps to one, and their direction. */
import { describe, expect, it } from "vitest";
import { directionOf, isLanguage, isLanguageOrPseudo, LANGUAGE_NAMES, LANGUAGES, matchLanguage, PSEUDO } from "../../core/languages";

describe("languages", () => {
  it("matches a browser's tags by their base language, best first, and says null when none fits", () => {
    expect(matchLanguage(["pt-BR", "en"])).toBe("pt");
    expect(matchLanguage(["de-DE", "ar-EG", "fr"])).toBe("ar");
    expect(matchLanguage(["ES"])).toBe("es");
    expect(matchLanguage(["de", "ja"])).toBeNull();
    expect(matchLanguage([])).toBeNull();
  });

  it("never picks the pseudo-locale from a browser's list", () => {
    expect(matchLanguage([PSEUDO])).toBeNull();
    expect(isLanguage(PSEUDO)).toBe(false);
    expect(isLanguageOrPseudo(PSEUDO)).toBe(true);
  });

  it("lays out Arabic right to left and the others left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("ar-EG")).toBe("rtl");
    for (const l of LANGUAGES.filter((l) => l !== "ar")) expect(directionOf(l)).toBe("ltr");
    expect(directionOf(PSEUDO)).toBe("ltr");
  });

  it("names every language in itself", () => {
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    expect(isLanguage("xx")).toBe(false);
  });
});
