/**
 * `GET /api/templates/:id?lang=` and `/toolkit?lang=` (issue 13) through the real Hono app: the
 * template's text in the language asked for, marked as an unofficial translation with its credit;
 * the template's own language or no `lang` as before; a language a template doesn't ship its own
 * words, unmarked; the pseudo-locale everywhere; an unknown language refused. And the fallback of a
 * partial translation, visibly.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { TemplateSchema } from "../../core/template";
import { ToolkitSchema } from "../../core/toolkit";
import { getTemplate } from "../../core/templates/index";
import { getToolkit } from "../../core/templates/toolkit/index";
import { templateIn } from "../../core/translations";
import { WorkerHarness } from "./worker-harness";

const w = new WorkerHarness();
beforeEach(() => w.reset());

const icmec = getTemplate("icmec-2")!;

describe("GET /api/templates/:id?lang=", () => {
  it("answers in Spanish, ids unchanged, marked unofficial with the translation's credit", async () => {
    const res = await w.request("/api/templates/icmec-2?lang=es");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const t = TemplateSchema.parse(await res.json());
    expect(t.language).toBe("es");
    expect(t.scales.likert5?.points[0]?.label).toBe("Muy débil");
    expect(t.domains.map((d) => d.id)).toEqual(icmec.domains.map((d) => d.id));
    expect(t.domains[0]?.title).not.toBe(icmec.domains[0]?.title);
    expect(t.translation).toMatchObject({ language: "es", unofficial: true, outdated: false, fellBack: [] });
    expect(t.translation?.credit).toMatch(/no oficial/);
  });

  it("no lang, or the template's own language: the same bytes as before, no translation field", async () => {
    const plain = await (await w.request("/api/templates/icmec-2")).text();
    const en = await (await w.request("/api/templates/icmec-2?lang=en")).text();
    expect(en).toBe(plain);
    expect(plain).toBe(JSON.stringify(icmec));
    expect(JSON.parse(plain)).not.toHaveProperty("translation");
  });

  it("a language the template doesn't ship (the custom workshop-check): its own words, unmarked", async () => {
    const res = await w.request("/api/templates/workshop-check?lang=ar");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(getTemplate("workshop-check"))));
    expect(body).not.toHaveProperty("translation");
  });

  it("the pseudo-locale: every title, prompt, item and scale label pseudo-localized, marked", async () => {
    const t = TemplateSchema.parse(await (await w.request("/api/templates/icmec-2?lang=en-XA")).json());
    expect(t.translation?.language).toBe("en-XA");
    const strings = [
      t.title,
      t.source.credit,
      ...Object.values(t.scales).flatMap((s) => [...s.points.map((p) => p.label), s.dontKnowLabel]),
      ...t.domains.flatMap((d) => [
        d.title,
        d.rating.prompt,
        ...d.items.flatMap((i) => [i.text, i.stem ?? "⟦⟧"]),
        ...(d.explanation ?? []),
      ]),
    ];
    for (const s of strings) expect(s).toMatch(/^⟦.*⟧$/s);
    // Keys into the toolkit stay as they are.
    expect(t.domains.map((d) => d.guidance)).toEqual(icmec.domains.map((d) => d.guidance));
  });

  it("refuses a language Candor doesn't speak with 400 and a code", async () => {
    for (const url of ["/api/templates/icmec-2?lang=de", "/api/templates/icmec-2/toolkit?lang=xx-YY"]) {
      const res = await w.request(url);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "unknown language", code: "unknown-language" });
    }
  });
});

describe("GET /api/rooms/:roomId/template?lang=", () => {
  it("the room's snapshot (cut to its topics) in the phone's language, marked; without lang as before", async () => {
    const res = await w.createRoom({ templateId: "icmec-2", title: "Ward review", domainIds: ["safety", "protocol"] });
    const { roomId } = (await res.json()) as { roomId: string };
    const plain = TemplateSchema.parse(await (await w.request(`/api/rooms/${roomId}/template`)).json());
    expect(plain.translation).toBeUndefined();
    const ar = TemplateSchema.parse(await (await w.request(`/api/rooms/${roomId}/template?lang=ar`)).json());
    expect(ar.domains.map((d) => d.id)).toEqual(plain.domains.map((d) => d.id));
    expect(ar.domains.find((d) => d.id === "safety")?.title).toBe("السلامة");
    expect(ar.translation).toMatchObject({ language: "ar", unofficial: true, fellBack: [] });
    const bad = await w.request(`/api/rooms/${roomId}/template?lang=xx`);
    expect([bad.status, await bad.json()]).toEqual([400, { error: "unknown language", code: "unknown-language" }]);
  });
});

describe("GET /api/templates/:id/toolkit?lang=", () => {
  it("translates the definitions, keeps guidance and resources, and says they are in English", async () => {
    const res = await w.request("/api/templates/icmec-2/toolkit?lang=fr");
    expect(res.status).toBe(200);
    const tk = ToolkitSchema.parse(await res.json());
    const english = getToolkit("icmec-2")!;
    expect(tk.definitions.map((d) => d.id)).toEqual(english.definitions.map((d) => d.id));
    expect(tk.definitions[0]?.term).not.toBe(english.definitions[0]?.term);
    expect(tk.guidance).toEqual(english.guidance);
    expect(tk.resources).toEqual(english.resources);
    expect(tk.inEnglish).toEqual(["guidance", "resources"]);
    expect(tk.translation).toMatchObject({ language: "fr", unofficial: true, fellBack: [] });
  });

  it("the pseudo-locale: definitions, guidance and resources all pseudo-localized, links and ids kept", async () => {
    const tk = ToolkitSchema.parse(await (await w.request("/api/templates/icmec-2/toolkit?lang=en-XA")).json());
    const english = getToolkit("icmec-2")!;
    expect(tk.translation?.language).toBe("en-XA");
    expect(tk.inEnglish).toBeUndefined();
    expect(tk.definitions.every((d) => d.term.startsWith("⟦"))).toBe(true);
    expect(tk.guidance.every((g) => g.title.startsWith("⟦") && g.blocks.every((b) => b.text.startsWith("⟦")))).toBe(true);
    const entries = tk.resources.flatMap((c) => c.entries);
    expect(entries.every((e) => e.title.startsWith("⟦"))).toBe(true);
    expect(entries.map((e) => [e.id, e.url])).toEqual(english.resources.flatMap((c) => c.entries).map((e) => [e.id, e.url]));
  });

  it("no lang or English: as before; a template without a toolkit: the empty one", async () => {
    const plain = await (await w.request("/api/templates/icmec-2/toolkit")).json();
    expect(await (await w.request("/api/templates/icmec-2/toolkit?lang=en")).json()).toEqual(plain);
    expect(plain).not.toHaveProperty("translation");
    const none = await (await w.request("/api/templates/workshop-check/toolkit?lang=es")).json();
    expect(none).toEqual({ templateId: "workshop-check", definitions: [], guidance: [], resources: [], itemGuidance: {} });
  });
});

describe("a partial translation falls back visibly", () => {
  it("keeps the template's words where the translation has none and lists each in fellBack", () => {
    const partial = {
      templateId: "icmec-2",
      templateVersion: "0.9.0",
      language: "es",
      unofficial: true as const,
      credit: "Traducción parcial de prueba.",
      title: "Título traducido",
      domains: { safety: { title: "Seguridad" } },
      scales: { likert5: { points: { "1": "Muy débil" } } },
    };
    const t = templateIn(icmec, "es", partial);
    expect(t.title).toBe("Título traducido");
    const safety = t.domains.find((d) => d.id === "safety")!;
    const own = icmec.domains.find((d) => d.id === "safety")!;
    expect(safety.title).toBe("Seguridad");
    expect(safety.rating.prompt).toBe(own.rating.prompt);
    expect(t.scales.likert5?.points[1]?.label).toBe(icmec.scales.likert5?.points[1]?.label);
    expect(t.translation?.outdated).toBe(true);
    expect(t.translation?.fellBack).toContain("domains.safety.rating.prompt");
    expect(t.translation?.fellBack).toContain("scales.likert5.points.2");
    expect(t.translation?.fellBack).not.toContain("domains.safety.title");
    expect(t.translation?.fellBack).not.toContain("scales.likert5.points.1");
  });
});
