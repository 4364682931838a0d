"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { createTagAction } from "../actions";
import type { Option } from "./types";

type Props = { tags: Option[]; value: string[]; onChange: (ids: string[]) => void; onCreated: (tag: Option) => void; disabled: boolean };

/** Tags: type to pick an existing one, or create it. */
export function TagPicker({ tags, value, onChange, onCreated, disabled }: Props) {
  const [text, setText] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const creation = useAction(createTagAction);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const add = async () => {
    const name = text.trim();
    if (!name) return;
    const existing = tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    let tag = existing;
    if (!tag) {
      // The name stays in the box on any refusal (network, session, server), with the reason under it.
      const result = await creation.run({ name });
      if (!result) return;
      if (!result.ok) return setMessage(result.fieldErrors?.name?.[0] ?? result.error);
      tag = { id: result.data.id, name: result.data.name };
      // A name that differs from a tag here only in letter case or punctuation is that tag.
      if (!byId.has(tag.id)) onCreated(tag);
    }
    if (!value.includes(tag.id)) onChange([...value, tag.id]);
    setText("");
    setMessage(null);
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
          id="tag-input"
          list="tag-options"
          value={text}
          placeholder="Add a tag"
          aria-describedby="tag-error"
          onChange={(e) => {
            setText(e.target.value);
            setMessage(null);
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
        {message}
      </p>
    </fieldset>
  );
}
