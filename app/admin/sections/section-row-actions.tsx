"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { deleteSectionAction, moveSectionAction } from "./actions";

type Props = { section: { id: string; name: string; canDelete: boolean }; first: boolean; last: boolean };

/** Move a section in the masthead, or delete it when no story is filed in it. */
export function SectionRowActions({ section, first, last }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const moving = useAction(moveSectionAction);
  const deleting = useAction(deleteSectionAction);
  const pending = moving.pending || deleting.pending;
  const move = async (direction: "up" | "down") => {
    const result = await moving.run({ id: section.id, direction });
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (result.ok) router.refresh();
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
        className="button secondary"
        disabled={pending || first}
        onClick={() => move("up")}
        aria-label={`Move ${section.name} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="button secondary"
        disabled={pending || last}
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
