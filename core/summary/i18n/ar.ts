import { en } from "./en";
import type { ReportCatalogue } from "./index";

export const ar: ReportCatalogue = { ...en };
