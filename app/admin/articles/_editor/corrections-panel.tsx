"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { EditorData } from "@/lib/articles/editor";
import { FieldError } from "@/components/forms/field-error";
import { useAction } from "@/components/forms/use-action";
import { formatDateTime } from "@/lib/format/time";
import { addCorrectionAction } from "../actions";

const KINDS = [
  ["CORRECTION", "Correction"],
  ["CLARIFICATION", "Clarification"],
  ["UPDATE", "Update"],
  ["EDITORS_NOTE", "Editor's note"],
] as const;

type Props = { article: EditorData; version: number; onVersion: (v: number) => void; dirty: boolean; timeZone: string };

/** Public corrections and updates on a story that has been published (editors). */
export function CorrectionsPanel({ article, version, onVersion, dirty, timeZone }: Props) {
  const router = useRouter();
  const [kind, setKind] = useState<(typeof KINDS)[number][0]>("CORRECTION");
  const [text, setText] = useState("");
  const adding = useAction(addCorrectionAction);
  const { pending } = adding;
  // The note stays in the box on any refusal, with its message until the text is changed.
  const [refused, setRefused] = useState<string | null>(null);
  const errors = text === refused ? adding.fieldErrors : undefined;
  // Any refusal not about the note (a conflict, the session, the network) is said under the button.
  const error = adding.fieldErrors?.text ? null : adding.error;
  const add = async () => {
    const result = await adding.run({ articleId: article.id, version, kind, text });
    if (!result?.ok) return setRefused(text);
    setText("");
    adding.reset();
    onVersion(result.data.version);
    router.refresh();
  };
  return (
    <section className="card" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      {article.corrections.length > 0 ? (
        <ol className="correction-list">
          {article.corrections.map((c) => (
            <li key={c.id}>
              <strong>{KINDS.find(([k]) => k === c.kind)?.[1]}</strong>{" "}
              <time dateTime={c.createdAt}>{formatDateTime(new Date(c.createdAt), timeZone)}</time>
              <p>{c.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">None yet.</p>
      )}
      <div className="field">
        <label htmlFor="correction-kind">Kind</label>
        <select id="correction-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="correction-text">Note readers will see</label>
        <textarea
          id="correction-text"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="correction-text-error"
          aria-invalid={errors?.text ? true : undefined}
        />
        <FieldError id="correction-text-error" errors={errors?.text} />
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button secondary"
        // aria-disabled, not disabled: once the note is added and the box empties, the keyboard stays here.
        aria-disabled={dirty || pending || !text.trim()}
        onClick={() => !(dirty || pending || !text.trim()) && void add()}
      >
        Add to the story
      </button>
      {dirty ? <p className="muted">Save your changes first.</p> : null}
    </section>
  );
}
