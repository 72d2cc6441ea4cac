import { resolve } from "node:path";
import { defineConfig, type EnvironmentOptions, type Plugin } from "vite";

// One HTML entry per screen, so the phone page ships only what a phone needs (no Yjs): the
// projector and console load the doc sync, the phone a single JSON socket (docs/design.md §6).
//
// The three pages with a weight budget (docs/design.md §8: phone, projector, console) are each
// built alone, as an environment of their own: a page is then one script and one stylesheet (plus
// what it imports at run time), sharing no chunk with another page. Shared chunks saved nothing
// (the pages run on different devices, so none reuses another's cache) and cost each page 2–4 KB
// gzipped: several requests, each compressed apart, and the imports and exports between them.
// The home page and the toolkit keep the shared build. `vite build` builds them all (`builder`),
// the shared build first, as it empties dist/client.
const client = resolve(import.meta.dirname, "client");
const outDir = resolve(import.meta.dirname, "dist/client");
const ALONE = ["phone", "projector", "console"] as const;

const inputs = (...names: string[]) => Object.fromEntries(names.map((name) => [name, resolve(client, `${name}.html`)]));

/**
 * The phone's strings come as one chunk per language (client/src/i18n/bundles/phone/<lang>.ts),
 * imported when its script runs. This writes `phone-strings.json`, language → that chunk's
 * address, so the Worker can name the likely one in the join page (`modulepreload`, worker/phone-boot.ts)
 * and the browser fetches it beside the script rather than after it.
 */
const phoneStringsMap = (): Plugin => ({
  name: "candor-phone-strings",
  applyToEnvironment: (environment) => environment.name === "phone",
  generateBundle(_options, bundle) {
    const map: Record<string, string> = {};
    for (const chunk of Object.values(bundle)) {
      const m = chunk.type === "chunk" ? chunk.facadeModuleId?.match(/i18n\/bundles\/phone\/([a-z]{2})\.ts$/) : null;
      if (m?.[1] && chunk.type === "chunk") map[m[1]] = `/${chunk.fileName}`;
    }
    this.emitFile({ type: "asset", fileName: "phone-strings.json", source: `${JSON.stringify(map)}\n` });
  },
});

const alone = (name: string): EnvironmentOptions => ({
  consumer: "client",
  build: { outDir, emptyOutDir: false, copyPublicDir: false, target: "es2022", rolldownOptions: { input: inputs(name) } },
});

export default defineConfig({
  root: client,
  plugins: [phoneStringsMap()],
  publicDir: resolve(client, "public"),
  environments: {
    client: {
      build: { outDir, emptyOutDir: true, target: "es2022", rolldownOptions: { input: inputs("index", "toolkit") } },
    },
    ...Object.fromEntries(ALONE.map((name) => [name, alone(name)])),
  },
  builder: {
    async buildApp(builder) {
      for (const name of ["client", ...ALONE]) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`no build environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
