/**
 * @module components/FacilityName
 * A facility's name with its roles (core/facilities.ts: "your facility", "under review") as small
 * tags after it, the same on the phone's ballot, the projector's table and the console. The name is
 * bidi-isolated; the tags are words, so a screen reader reads them with the name.
 */
import type { FacilityRole } from "../../../core/facilities";
import { type MessageKey, t } from "../i18n";

export const roleLabel = (role: FacilityRole): string => t(`facilities.role.${role}` as MessageKey);

export function FacilityName({ name, roles }: { name: string; roles: readonly FacilityRole[] }) {
  return (
    <>
      <bdi>{name}</bdi>
      <RoleTags roles={roles} />
    </>
  );
}

/**
 * The roles alone, after a name that is already in a sentence: one tag, the roles joined by " · ",
 * so a facility with both roles takes one line more, not two (the projector fits nine of them).
 */
export function RoleTags({ roles }: { roles: readonly FacilityRole[] }) {
  if (roles.length === 0) return null;
  return (
    <>
      {" "}
      <span class="role-tag">
        <span class="sr-only">(</span>
        {roles.map(roleLabel).join(" · ")}
        <span class="sr-only">)</span>
      </span>
    </>
  );
}
