"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { restoreRevisionAction } from "../../actions";

/** Restores a revision as a new save, after confirmation. */
export function RestoreButton({
  articleId,
  revisionId,
  version,
  label,
}: {
  articleId: string;
  revisionId: string;
  version: number;
  label: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const restore = async () => {
    if (!window.confirm(`Restore ${label}? The current text stays in the revisions.`)) return;
    setPending(true);
    const result = await restoreRevisionAction({ articleId, revisionId, version });
    setPending(false);
    if (result.ok) router.push(`/admin/articles/${articleId}`);
    else setError(result.error);
  };
  return (
    <>
      <button type="button" className="button secondary" disabled={pending} onClick={restore}>
        Restore {label}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
