"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { takeWireItemAction } from "../actions";

type Props = { id: string; usable: boolean; sections: { id: string; name: string }[]; taken: { id: string; headline: string }[] };

/** "Take": a draft story from the item, opened in the editor. Taken before: say so, link the story, and ask before a second one. */
export function TakeForm({ id, usable, sections, taken }: Props) {
  const router = useRouter();
  const take = useAction(takeWireItemAction, { timeoutMs: 120_000 });
  const [sectionId, setSectionId] = useState("");
  const [left, setLeft] = useState<{ articleId: string; notes: string[] } | null>(null);
  const existing = (take.result && !take.result.ok && take.result.code === "conflict" ? take.result.details?.articleId : undefined) as
    string | undefined;
  const again = taken.length > 0 || !!existing;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await take.run({ id, sectionId: sectionId || null, again });
    if (!result?.ok) return;
    // Something was left out (a photo that could not be fetched): say so before leaving the page.
    if (result.data.notes.length) setLeft(result.data);
    else router.push(`/admin/articles/${result.data.articleId}`);
  };

  if (!usable) return null;
  return (
    <section className="card" aria-labelledby="take-heading">
      <h2 id="take-heading">Take</h2>
      <p className="muted">
        A draft story with this copy, its bylines, photos with their credits and a source link back to the item. It is not published.
      </p>
      {taken.length ? (
        <FormMessage kind="success">
          Already taken as{" "}
          {taken.map((t, i) => (
            <span key={t.id}>
              {i ? ", " : ""}
              <Link href={`/admin/articles/${t.id}`}>{t.headline}</Link>
            </span>
          ))}
          . Taking it again makes a second story.
        </FormMessage>
      ) : null}
      {take.error ? (
        <FormMessage>
          {take.error}
          {existing ? (
            <>
              {" "}
              <Link href={`/admin/articles/${existing}`}>Open that story</Link>
            </>
          ) : null}
        </FormMessage>
      ) : null}
      {left ? (
        <FormMessage kind="success">
          Taken as a draft. {left.notes.join(" ")} <Link href={`/admin/articles/${left.articleId}`}>Open the story</Link>
        </FormMessage>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="take-section">Section</label>
          <select id="take-section" value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
            <option value="">Choose later</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pending={take.pending} pendingLabel="Taking…">
          {again ? "Take again as a new story" : "Take"}
        </SubmitButton>
      </form>
    </section>
  );
}
