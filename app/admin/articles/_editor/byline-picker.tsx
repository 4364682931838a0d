"use client";

import { useRef, useState } from "react";
import { createAuthorAction } from "../actions";
import { FieldError } from "@/components/forms/field-error";
import { useAction } from "@/components/forms/use-action";
import type { Option } from "./types";

const BROWSING_KEY = /^(?:Arrow(?:Up|Down|Left|Right)|Home|End|PageUp|PageDown)$/;

type Props = {
  authors: Option[];
  value: string[];
  onChange: (ids: string[]) => void;
  onCreated: (author: Option) => void;
  errors?: string[];
  disabled: boolean;
};

/** Bylines in order: pick existing ones, reorder, or create one for a freelancer or agency. */
export function BylinePicker({ authors, value, onChange, onCreated, errors, disabled }: Props) {
  const [newName, setNewName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const creation = useAction(createAuthorAction);
  const byId = new Map(authors.map((a) => [a.id, a]));
  // A byline looked at with the keyboard, not yet added (Enter adds it); a pick with the mouse adds at once.
  const [choice, setChoice] = useState("");
  const browsing = useRef(false);
  const add = (id: string) => {
    setChoice("");
    if (id && !value.includes(id)) onChange([...value, id]);
  };
  const move = (i: number, by: number) => {
    const next = [...value];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    onChange(next);
  };
  const create = async () => {
    // The name stays in the box on any refusal (network, session, server), with the reason under it.
    const result = await creation.run({ name: newName, title: "" });
    if (!result) return;
    if (!result.ok) return setMessage(result.fieldErrors?.name?.[0] ?? result.error);
    onCreated(result.data);
    onChange([...value, result.data.id]);
    setNewName("");
    setMessage(null);
  };
  return (
    <fieldset className="picker" disabled={disabled}>
      <legend>Bylines</legend>
      <ol className="chips">
        {value.map((id, i) => (
          <li key={id} className="chip">
            {byId.get(id)?.name ?? "Unknown byline"}
            <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${byId.get(id)?.name} earlier`}>
              ↑
            </button>
            <button
              type="button"
              onClick={() => {
                onChange(value.filter((x) => x !== id));
                // The chip goes with its button: the keyboard goes to the list that adds bylines.
                document.getElementById("add-byline")?.focus();
              }}
              aria-label={`Remove ${byId.get(id)?.name}`}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <label htmlFor="add-byline" className="visually-hidden">
        Add a byline
      </label>
      <select
        id="add-byline"
        value={choice}
        aria-describedby="bylines-error"
        onKeyDown={(e) => {
          if (e.key === "Enter" && choice) {
            e.preventDefault();
            add(choice);
          }
          // Arrows, Home/End, Page Up/Down and type-ahead letters change a closed list's value at
          // once in some browsers (Chrome on Windows and Linux, Firefox): browsing, not choosing. The
          // key's own change comes before its keyup, which ends it (macOS opens the list instead).
          browsing.current = BROWSING_KEY.test(e.key) || (e.key.length === 1 && e.key !== " " && !e.ctrlKey && !e.metaKey && !e.altKey);
        }}
        onKeyUp={() => (browsing.current = false)}
        onPointerDown={() => (browsing.current = false)}
        onChange={(e) => {
          if (browsing.current) setChoice(e.target.value);
          else add(e.target.value);
          browsing.current = false;
        }}
        onBlur={() => setChoice("")}
      >
        <option value="">Add a byline…</option>
        {authors
          .filter((a) => !value.includes(a.id))
          .map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
      </select>
      <p id="add-byline-hint" className="field-hint" aria-live="polite">
        {choice ? `Press Enter to add ${byId.get(choice)?.name ?? "this byline"}.` : null}
      </p>
      <FieldError id="bylines-error" errors={errors} />
      <div className="inline-form">
        <label htmlFor="new-byline" className="visually-hidden">
          New byline name
        </label>
        <input
          id="new-byline"
          value={newName}
          placeholder="New byline"
          aria-describedby="new-byline-hint new-byline-error"
          onChange={(e) => {
            setNewName(e.target.value);
            setMessage(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && newName.trim()) {
              e.preventDefault();
              void create();
            }
          }}
        />
        <button type="button" className="button secondary" onClick={create} disabled={!newName.trim() || creation.pending}>
          {creation.pending ? "Creating…" : "Create byline"}
        </button>
      </div>
      {/* Under the box, not in it: a placeholder this long was cut off on a phone (and goes once typed in). */}
      <p id="new-byline-hint" className="field-hint">
        For a name not in the list yet, e.g. a freelancer or a news agency.
      </p>
      <p id="new-byline-error" className="field-error" aria-live="polite">
        {message}
      </p>
    </fieldset>
  );
}
