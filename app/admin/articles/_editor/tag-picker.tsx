"use client";

import { useEffect, useRef, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { quoted } from "@/lib/format/text";
import { createTagAction } from "../actions";
import type { Option } from "./types";

type Props = { tags: Option[]; value: string[]; onChange: (ids: string[]) => void; onCreated: (tag: Option) => void; disabled: boolean };

/** Tags: type to pick an existing one, or create it. */
export function TagPicker({ tags, value, onChange, onCreated, disabled }: Props) {
  const [text, setText] = useState("");
  // The last refusal, with the refused name when the box no longer holds it.
  const [refusal, setRefusal] = useState<{ reason: string; name: string | null } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The story's tags as they are now: a tag added or removed while a new one was being created stays so.
  const current = useRef(value);
  useEffect(() => {
    current.current = value;
  }, [value]);
  const creation = useAction(createTagAction);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const add = async () => {
    const name = text.trim();
    if (!name) return;
    const existing = tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    // One new tag at a time: Enter while one is being created leaves the next name in the box.
    if (!existing && creation.pending) return;
    // The box empties when the name is taken, not when the answer comes: the next tag, typed while
    // this one is being created, stays in it.
    setText("");
    setRefusal(null);
    let tag = existing;
    if (!tag) {
      const result = await creation.run({ name });
      // No answer means another tag was being created after all: the name goes back, as nothing was sent.
      if (!result) return setText((now) => now || text);
      if (!result.ok) {
        // On any refusal (network, session, server) the name comes back to the box, with the reason
        // under it. If the next tag is being typed there already, that stays and the reason names this one.
        const typing = Boolean(input.current?.value);
        if (!typing) setText(text);
        return setRefusal({ reason: result.fieldErrors?.name?.[0] ?? result.error, name: typing ? name : null });
      }
      tag = { id: result.data.id, name: result.data.name };
      // A name that differs from a tag here only in letter case or punctuation is that tag.
      if (!byId.has(tag.id)) onCreated(tag);
    }
    if (!current.current.includes(tag.id)) onChange([...current.current, tag.id]);
  };
  return (
    <fieldset className="picker" disabled={disabled}>
      <legend>Tags</legend>
      <ul className="chips">
        {value.map((id) => (
          <li key={id} className="chip">
            {byId.get(id)?.name ?? "Unknown tag"}
            <button
              type="button"
              onClick={() => {
                onChange(value.filter((x) => x !== id));
                // The chip goes with its button: the keyboard goes to the box that adds tags.
                document.getElementById("tag-input")?.focus();
              }}
              aria-label={`Remove tag ${byId.get(id)?.name}`}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label htmlFor="tag-input" className="visually-hidden">
          Add a tag
        </label>
        <input
          ref={input}
          id="tag-input"
          list="tag-options"
          value={text}
          placeholder="Add a tag"
          aria-describedby="tag-error"
          onChange={(e) => {
            setText(e.target.value);
            // Typing clears the reason a name in the box was refused, not one that names a tag it no longer holds.
            setRefusal((r) => (r?.name ? r : null));
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void add();
            }
          }}
        />
        <datalist id="tag-options">
          {tags
            .filter((t) => !value.includes(t.id))
            .map((t) => (
              <option key={t.id} value={t.name} />
            ))}
        </datalist>
        <button type="button" className="button secondary" onClick={add} disabled={!text.trim() || creation.pending}>
          {creation.pending ? "Adding…" : "Add tag"}
        </button>
      </div>
      <p id="tag-error" className="field-error" aria-live="polite">
        {refusal && (refusal.name ? `${quoted(refusal.name)} was not added: ${refusal.reason}` : refusal.reason)}
      </p>
    </fieldset>
  );
}
