/**
 * @module lib/zod-jitless
 * zod 4 probes for `new Function` to compile fast parsers; under our CSP (`script-src 'self'`, no
 * 'unsafe-eval') that probe is a reported violation. Imported first by every page, before any
 * schema parses, so zod never tries.
 */
import { config } from "zod";

config({ jitless: true });
