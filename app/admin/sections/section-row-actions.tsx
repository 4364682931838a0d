"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { deleteSectionAction, moveSectionAction } from "./actions";
import { useKeptFocus } from "@/components/admin/reorder";
import { useAnnounce } from "@/components/admin/announcer";

type Props = {
  section: { id: string; name: string; canDelete: boolean };
  /** Its place in the masthead, from 0, and how many sections there are. */
  position: number;
  count: number;
};

/** Move a section in the masthead, or delete it when no story is filed in it. */
export function SectionRowActions({ section, position, count }: Props) {
  // Moves are said in the page's one live region (Announcer).
  const announce = useAnnounce();
  const first = position === 0;
  const last = position === count - 1;
  // The row moves in the table when the page refreshes: the keyboard stays on its button, and the move is said.
  // (Its place and the number of rows: a refresh after "already last" may change only the count.)
  const keep = useKeptFocus("section", `${position}/${count}`);

  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const moving = useAction(moveSectionAction);
  const deleting = useAction(deleteSectionAction);
  const pending = moving.pending || deleting.pending;
  const move = async (direction: "up" | "down") => {
    if (pending) return;
    const result = await moving.run({ id: section.id, direction });
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    // Said from the server's order (this page's may be older than another editor's move).
    const { moved, place, count: of } = result.data;
    // Not moved: this page was older than another editor's move, and the refresh moves the row.
    keep(section.id, direction);
    announce(
      moved
        ? `${section.name} moved to place ${place + 1} of ${of} in the masthead.`
        : `${section.name} is already ${place === 0 ? "first" : "last"} in the masthead.`,
    );
    router.refresh();
  };
  const remove = async () => {
    if (!window.confirm(`Delete the section ${section.name}?`)) return;
    const result = await deleting.run({ id: section.id });
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (result.ok) router.refresh();
  };
  return (
    <div className="row-actions">
      <button
        type="button"
        id={`section-up-${section.id}`}
        className="button secondary"
        disabled={first}
        aria-disabled={pending || undefined}
        onClick={() => move("up")}
        aria-label={`Move ${section.name} up`}
      >
        ↑
      </button>
      <button
        type="button"
        id={`section-down-${section.id}`}
        className="button secondary"
        disabled={last}
        aria-disabled={pending || undefined}
        onClick={() => move("down")}
        aria-label={`Move ${section.name} down`}
      >
        ↓
      </button>
      {section.canDelete ? (
        <button type="button" className="button danger" disabled={pending} onClick={remove}>
          Delete
        </button>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
