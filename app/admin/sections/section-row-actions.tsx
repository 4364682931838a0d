"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteSectionAction, moveSectionAction } from "./actions";

type Props = { section: { id: string; name: string; canDelete: boolean }; first: boolean; last: boolean };

/** Move a section in the masthead, or delete it when no story is filed in it. */
export function SectionRowActions({ section, first, last }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const move = (direction: "up" | "down") =>
    startTransition(async () => {
      const result = await moveSectionAction({ id: section.id, direction });
      setError(result.ok ? null : result.error);
      router.refresh();
    });
  const remove = () => {
    if (!window.confirm(`Delete the section ${section.name}?`)) return;
    startTransition(async () => {
      const result = await deleteSectionAction({ id: section.id });
      setError(result.ok ? null : result.error);
      router.refresh();
    });
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
