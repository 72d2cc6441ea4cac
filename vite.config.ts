import { resolve } from "node:path";
import { defineConfig } from "vite";

// One HTML entry per screen, so the phone page ships only what a phone needs (no Yjs): the
// projector and console load the doc sync, the phone a single JSON socket (docs/design.md §6).
const client = resolve(import.meta.dirname, "client");
export default defineConfig({
  root: client,
  publicDir: resolve(client, "public"),
  build: {
    outDir: resolve(import.meta.dirname, "dist/client"),
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: {
        index: resolve(client, "index.html"),
        phone: resolve(client, "phone.html"),
        projector: resolve(client, "projector.html"),
        console: resolve(client, "console.html"),
        toolkit: resolve(client, "toolkit.html"),
      },
    },
  },
});
