import { allow, orThrow, refuse, type Decision } from "../auth/decision";
import { hasPermission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";

/**
 * The rules for sections, written once: the sections screen asks them what to offer and the
 * mutations in lib/sections/mutations.ts ask them before writing.
 */
export type SectionAction = "create" | "update" | "move" | "delete";

/** `filed`: how many stories (any status) are filed in the section; only an empty one may be deleted. */
export function decideSection(viewer: Viewer, action: SectionAction, section?: { name: string; filed: number }): Decision {
  if (!hasPermission(viewer.role, "section.manage")) return refuse("forbidden", "Only admins can change the sections.");
  if (action === "delete" && section && section.filed > 0) {
    const { filed, name } = section;
    return refuse(
      "invalid",
      `${filed === 1 ? "1 story is" : `${filed} stories are`} filed in ${name}. Move ${filed === 1 ? "it" : "them"} to another section first.`,
    );
  }
  return allow;
}

export const assertSection = (viewer: Viewer, action: SectionAction, section?: { name: string; filed: number }) =>
  orThrow(decideSection(viewer, action, section));
