"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
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
  const restoring = useAction(restoreRevisionAction);
  const { pending, error } = restoring;
  const restore = async () => {
    if (!window.confirm(`Restore ${label}? The current text stays in the revisions.`)) return;
    const result = await restoring.run({ articleId, revisionId, version });
    if (result?.ok) router.push(`/admin/articles/${articleId}`);
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
