/** The pseudo-locale (core/pseudo.ts) that a later change runs the browser tests with. */
import { describe, expect, it } from "vitest";
import { en } from "../../client/src/i18n/all";
import { PSEUDO_GROWTH, pseudoCatalogue, pseudoLocalize } from "../../core/pseudo";

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
const withoutPlaceholders = (s: string) => s.replace(/\{\w+\}/g, "");

describe("pseudo-locale", () => {
  it("accents letters, brackets the string and keeps placeholders", () => {
    expect(pseudoLocalize("Round {r}")).toBe("⟦Ŕöûñð {r}···⟧");
    expect(pseudoLocalize("{x} of {n} have voted")).toMatch(/^⟦\{x\} öƒ \{n\} ĥåṽé ṽöţéð·+⟧$/);
  });

  it("turns every English string into one with the same placeholders, no plain Latin letter, and ~35% longer", () => {
    const pseudo = pseudoCatalogue(en);
    expect(Object.keys(pseudo)).toEqual(Object.keys(en));
    for (const [key, english] of Object.entries(en)) {
      const p = pseudo[key as keyof typeof en];
      expect(p.startsWith("⟦") && p.endsWith("⟧"), key).toBe(true);
      expect(placeholders(p), key).toEqual(placeholders(english));
      expect(withoutPlaceholders(p), key).not.toMatch(/[A-Za-z]/);
      const visible = [...withoutPlaceholders(english)].length;
      expect([...withoutPlaceholders(p)].length - 2, key).toBe(visible + Math.ceil(visible * PSEUDO_GROWTH));
    }
  });

  it("leaves a string without letters alone apart from its brackets", () => {
    expect(pseudoLocalize("{n} / {max}")).toBe("⟦{n} / {max}··⟧");
    expect(pseudoLocalize("")).toBe("⟦⟧");
  });
});
