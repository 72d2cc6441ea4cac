/**
 * @module home/CompareLoad
 * The pure part of the comparison, loaded on demand (the first time a file is chosen) so the
 * summary schema and the comparison stay out of the home page's first download: reading a file's
 * text into a summary (`core/summary/read`) and the rules that compare them
 * (`core/summary/compare`). Nothing here touches the network.
 */
export { admit, organizationGroups, organizationOf, sideBySide, trendOf } from "../../../core/summary/compare";
export { type ReadResult, readSummary } from "../../../core/summary/read";
