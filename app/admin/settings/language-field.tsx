"use client";

import { useState } from "react";
import { FieldError } from "@/components/forms/field-error";
import { canonicalLanguage, languageName } from "@/lib/settings/language";

type Props = {
  /** The tag in the box when the form opens (the saved one, or the one a save just stored). */
  defaultValue: string;
  /** The saved tag and its name, worked out on the server: the first render names it the same in both places. */
  saved: { tag: string; name: string | null };
  /** Suggestions for the list under the box, each with its name. */
  options: { tag: string; name: string }[];
  errors?: string[];
};

/** The language of stories: a BCP 47 tag, named in English as it is typed. */
export function LanguageField({ defaultValue, saved, options, errors }: Props) {
  const [typed, setTyped] = useState(defaultValue);
  const canonical = canonicalLanguage(typed);
  const name = canonical === saved.tag ? saved.name : canonical && languageName(canonical);
  return (
    <div className="field">
      <label htmlFor="field-language">Language of stories</label>
      <input
        id="field-language"
        name="language"
        defaultValue={defaultValue}
        onChange={(event) => setTyped(event.target.value)}
        list="field-language-options"
        maxLength={35}
        autoComplete="off"
        spellCheck={false}
        aria-describedby="field-language-name field-language-hint field-language-error"
        aria-invalid={errors?.length ? true : undefined}
      />
      <datalist id="field-language-options">
        {options.map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.name}
          </option>
        ))}
      </datalist>
      <span id="field-language-name" className="field-hint">
        {canonical ? `${canonical}: ${name ?? "no language this server knows by name; check the tag"}` : null}
      </span>
      <span id="field-language-hint" className="field-hint">
        A language tag (BCP 47), such as en, nb or es-MX. Screen readers read stories in it; feeds, news sitemaps and search engines are
        told it. The site&apos;s own words (menus, labels, dates) stay English.
      </span>
      <FieldError id="field-language-error" errors={errors} />
    </div>
  );
}
