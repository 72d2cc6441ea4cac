/**
 * @module console/useHealthServices
 * The community directory's health and mental health services with a name, kept current as any
 * facilitator edits the directory: the candidates the console offers for the AAAQ topic's
 * facilities (issue 12: "domain 12 from the directory"; typed names stay possible).
 */
import { useEffect, useState } from "preact/hooks";
import type * as Y from "yjs";
import { healthServiceRows } from "../../../core/directory";
import { directoryMap, readDirectory } from "../../../core/directory-doc";
import { FACILITY_NAME_MAX } from "../../../core/limits";
import type { FacilityCandidate } from "../components/FacilityListEditor";

/** A directory row offered as a facility: the editor's candidate. */
export type HealthService = FacilityCandidate;

const NONE: HealthService[] = [];
// A directory name may be longer than a facility's: offered cut to fit, so picking it is never refused.
const named = (doc: Y.Doc | null): HealthService[] =>
  doc
    ? healthServiceRows(readDirectory(doc))
        .filter((r) => r.name !== "")
        .map((r) => ({ ...r, name: r.name.slice(0, FACILITY_NAME_MAX) }))
    : NONE;

/** Same names in the same order: no new array, so the editor isn't re-rendered by every keystroke elsewhere. */
const same = (a: readonly HealthService[], b: readonly HealthService[]) =>
  a.length === b.length && a.every((r, i) => r.name === b[i]!.name && r.type === b[i]!.type);

/** None until the doc is there (the console's first render). */
export function useHealthServices(doc: Y.Doc | null): HealthService[] {
  const [rows, setRows] = useState(() => named(doc));
  useEffect(() => {
    if (!doc) return;
    const map = directoryMap(doc);
    const update = () =>
      setRows((before) => {
        const now = named(doc);
        return same(before, now) ? before : now;
      });
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [doc]);
  return rows;
}
