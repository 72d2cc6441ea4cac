/**
 * @module zod-english
 * The core schemas are zod/mini ones (small enough for the phone), and zod/mini words no built-in
 * check until a locale is set: every such issue would read "Invalid input". The Worker and the room
 * send zod's issue messages back (the create form's field errors, a refused frame's "invalid
 * message at …: …"), so the server side sets the English locale once, by importing this module for
 * its effect (worker/validate.ts, party/room/model.ts). Pages show no zod message, so they don't
 * load it. Custom messages ("topic listed twice") are the schemas' own and need no locale.
 */
import * as z from "zod/mini";

z.config(z.locales.en());
