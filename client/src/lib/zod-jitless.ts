/**
 * @module lib/zod-jitless
 * zod 4 probes for `new Function` to compile fast parsers; under our CSP (`script-src 'self'`, no
 * 'unsafe-eval') that probe is a reported violation. Imported first by every page, before any
 * schema parses, so zod never tries. From "zod/mini": the pages' schemas are zod/mini ones, and its
 * `config` is zod's one shared setting without pulling classic zod (and its JSON Schema code) into
 * the page.
 */
import { config } from "zod/mini";

config({ jitless: true });
