import { en } from "./en";
import type { ReportCatalogue } from "./index";

export const es: ReportCatalogue = { ...en };
