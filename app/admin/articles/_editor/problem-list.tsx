"use client";

import type { FieldErrors } from "@/lib/errors";
import { STORY_FIELD_LABELS } from "@/lib/articles/compare";
import { fieldElementId } from "./field-ids";

/** How the list of a refused save names a field: its label, and a source's row and field ("Source 2, note"). */
function problemLabel(path: string): string {
  const [top = "", index, field] = path.split(".");
  if (top === "sources" && index && /^\d+$/.test(index))
    return `Source ${Number(index) + 1}${field ? `, ${field === "accessedAt" ? "accessed" : field === "archivedUrl" ? "archived copy URL" : field}` : ""}`;
  return STORY_FIELD_LABELS[top as keyof typeof STORY_FIELD_LABELS] ?? top;
}

/** Takes the keyboard to the field (a link to an input's id scrolls to it, but leaves the focus where it was). */
function goTo(event: React.MouseEvent, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: "center" });
}

/**
 * The fields a refused save names, each a link that takes the keyboard to it: what the bar's "See
 * why" reads out, and a way to a field out of sight (a source's note inside its closed details).
 * Their messages stand at the fields. A dateline over its limit was once refused with no field marked.
 */
export function ProblemList({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors).filter(([path, messages]) => path !== "_form" && messages?.length);
  if (!entries.length) return null;
  return (
    <ul className="problem-list">
      {entries.map(([path]) => {
        const target = fieldElementId(path);
        const label = problemLabel(path);
        return (
          <li key={path}>
            {target ? (
              <a href={`#${target}`} onClick={(e) => goTo(e, target)}>
                {label}
              </a>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ul>
  );
}
