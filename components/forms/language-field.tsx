"use client";

import { useState, type ReactNode } from "react";
import { FieldError } from "@/components/forms/field-error";
import { canonicalLanguage, languageName, type LanguageOption } from "@/lib/settings/language";

type Props = {
  /** The input's id; its name line, hint, list and message take ids from it. */
  id: string;
  label: string;
  hint: ReactNode;
  /** The form field's name, for a form posted as FormData (the settings). */
  name?: string;
  /** Uncontrolled: the tag in the box when the form opens (the saved one, or the one a save just stored). */
  defaultValue?: string;
  /** Controlled (the story editor): the tag as typed, and what to do with a new one. */
  value?: string;
  onChange?: (value: string) => void;
  /** The saved tag and its name, worked out on the server: the first render names it the same in both places. */
  saved: { tag: string; name: string | null };
  /** Suggestions for the list under the box, each with its name. */
  options: LanguageOption[];
  errors?: string[];
  readOnly?: boolean;
};

/**
 * A language: a BCP 47 tag, named in English as it is typed, with a list of common ones. The
 * language of stories in the settings, and a story's own language in the story editor.
 */
export function LanguageField({ id, label, hint, name, defaultValue, value, onChange, saved, options, errors, readOnly }: Props) {
  const [typed, setTyped] = useState(defaultValue ?? "");
  const current = value ?? typed;
  const canonical = canonicalLanguage(current);
  const named = canonical === saved.tag ? saved.name : canonical && languageName(canonical);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        {...(value === undefined ? { defaultValue } : { value })}
        onChange={(event) => {
          setTyped(event.target.value);
          onChange?.(event.target.value);
        }}
        // Leaving the box puts a tag it names in the form it is stored in ("CY" becomes "cy"): the
        // box showed what was typed until the page was loaded again.
        onBlur={(event) => {
          const tag = canonicalLanguage(event.target.value);
          if (readOnly || !tag || tag === event.target.value) return;
          if (value === undefined) event.target.value = tag;
          setTyped(tag);
          onChange?.(tag);
        }}
        readOnly={readOnly}
        list={`${id}-options`}
        maxLength={35}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-name ${id}-hint ${id}-error`}
        aria-invalid={errors?.length ? true : undefined}
      />
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.name}
          </option>
        ))}
      </datalist>
      <span id={`${id}-name`} className="field-hint">
        {canonical ? `${canonical}: ${named ?? "no language this server knows by name; check the tag"}` : null}
      </span>
      <span id={`${id}-hint`} className="field-hint">
        {hint}
      </span>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
