"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { SiteSettings } from "@/lib/settings/schema";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { LanguageField } from "@/components/forms/language-field";
import type { LanguageOption } from "@/lib/settings/language";
import type { IgnoredSetting } from "@/lib/settings/queries";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateSettingsAction } from "./actions";

type Props = {
  settings: SiteSettings;
  /** Saved values this server does not take, shown at their field: the value in force is another. */
  ignored: IgnoredSetting[];
  timeZones: string[];
  now: string;
  language: { name: string | null; options: LanguageOption[] };
};

/** The site's name, description, time zone and language of stories. What was typed stays when the server refuses it. */
export function SettingsForm({ settings, ignored, timeZones, now, language }: Props) {
  const router = useRouter();
  const { result, shown, onSubmit, pending, formRef, fieldErrors } = useActionForm(updateSettingsAction);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  // After a save, the next one starts from it.
  const version = result?.ok ? result.data.version : settings.version;
  const savedButIgnored = (key: IgnoredSetting["key"]) => ignored.find((i) => i.key === key)?.value;
  const ignoredZone = savedButIgnored("timeZone");
  const ignoredLanguage = savedButIgnored("language");
  return (
    <form ref={formRef} className="card narrow-form" onSubmit={onSubmit} noValidate aria-label="Site settings">
      {shown?.ok ? <FormMessage kind="success">Saved. Every page, feed and sitemap shows the new settings now.</FormMessage> : null}
      {shown && !shown.ok && !shown.fieldErrors ? <FormMessage>{shown.error}</FormMessage> : null}
      <input type="hidden" name="version" value={version} />
      <TextField
        name="siteName"
        label="Site name"
        defaultValue={settings.siteName}
        maxLength={80}
        hint="In the masthead, page titles, feeds and search results."
        errors={fieldErrors?.siteName}
      />
      <TextField
        name="description"
        label="Description"
        defaultValue={settings.description}
        maxLength={200}
        hint="One line: what search engines show for pages without a description of their own."
        errors={fieldErrors?.description}
      />
      <div className="field">
        <label htmlFor="field-timeZone">Time zone</label>
        <select
          id="field-timeZone"
          name="timeZone"
          defaultValue={settings.timeZone}
          aria-describedby="field-timeZone-hint field-timeZone-error"
          aria-invalid={fieldErrors?.timeZone ? true : undefined}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <span id="field-timeZone-hint" className="field-hint">
          Times are stored in UTC and shown in this zone. Now: {now}.
        </span>
        <FieldError id="field-timeZone-error" errors={fieldErrors?.timeZone} />
        {ignoredZone ? (
          <p className="field-error">
            The saved time zone “{ignoredZone}” is not one this server knows, so times are shown in {settings.timeZone.replaceAll("_", " ")}
            . Choose one and save.
          </p>
        ) : null}
      </div>
      {/* A save shows the tag as stored (its canonical form): the field starts again from it. */}
      <LanguageField
        key={version}
        id="field-language"
        name="language"
        label="Language of stories"
        hint={
          <>
            A language tag (BCP 47), such as en, nb or es-MX. Screen readers read stories in it; feeds, news sitemaps and search engines are
            told it. A story can be given a language of its own in the story editor. The site&apos;s own words (menus, labels, dates) stay
            English.
          </>
        }
        defaultValue={result?.ok ? result.data.language : settings.language}
        saved={{ tag: settings.language, name: language.name }}
        options={language.options}
        errors={fieldErrors?.language}
      />
      {ignoredLanguage ? (
        <p className="field-error">
          The saved language “{ignoredLanguage}” is not a language tag, so stories are declared in {language.name ?? settings.language} (
          {settings.language}). Enter one and save.
        </p>
      ) : null}
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}
