"use client";

import "@/lib/security/zod-jitless";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { slugifyTyped } from "@/lib/format/slug-typed";
import type { FieldErrors } from "@/lib/errors";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { createSectionAction, updateSectionAction } from "./actions";

type Section = { id: string; name: string; slug: string; description: string; stories: number };

/** Creates a section, or edits one (`section`). What was typed stays when the server refuses it. */
export function SectionForm({ section }: { section?: Section }) {
  const router = useRouter();
  const { result, shown, onSubmit, pending, formRef, fieldErrors } = useActionForm(section ? updateSectionAction : createSectionAction);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form
      ref={formRef}
      className="card narrow-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={section ? undefined : "new-section-heading"}
    >
      {section ? null : <h2 id="new-section-heading">New section</h2>}
      {shown?.ok ? (
        <FormMessage kind="success">
          {section ? "Saved. Every page shows it now." : "Section created. It is in the masthead of every page now."}
        </FormMessage>
      ) : null}
      {shown && !shown.ok && !shown.fieldErrors ? <FormMessage>{shown.error}</FormMessage> : null}
      {section ? <input type="hidden" name="id" value={section.id} /> : null}
      {/* A new, empty set of fields after each section created. */}
      <SectionFields key={!section && result?.ok ? result.data.id : "fields"} section={section} errors={fieldErrors} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {section ? "Save section" : "Create section"}
      </SubmitButton>
    </form>
  );
}

/**
 * Name, address and description, uncontrolled so that nothing typed before the page is interactive
 * is lost. The address follows the name until it is typed by hand.
 */
function SectionFields({ section, errors }: { section?: Section; errors?: FieldErrors }) {
  const slug = useRef<HTMLInputElement>(null);
  const [slugTouched, setSlugTouched] = useState(!!section);
  const filed = section?.stories ?? 0;
  return (
    <>
      <TextField
        name="name"
        label="Name"
        defaultValue={section?.name ?? ""}
        maxLength={60}
        onChange={(e) => {
          const input = e.target;
          const name = input.value;
          if (slugTouched || !slug.current) return;
          const now = slugifyTyped(name, (proposed) => {
            if (slug.current && input.value === name && slug.current.value === now) slug.current.value = proposed;
          });
          slug.current.value = now;
        }}
        errors={errors?.name}
      />
      <TextField
        ref={slug}
        name="slug"
        label="Address"
        defaultValue={section?.slug ?? ""}
        hint={
          section && filed > 0
            ? `Readers find it at /${section.slug}. A new address moves its ${filed === 1 ? "story" : `${filed.toLocaleString("en-GB")} stories`} with it; the old addresses forward readers to the new ones.`
            : "Readers find the section at /address, e.g. /culture."
        }
        onChange={() => setSlugTouched(true)}
        errors={errors?.slug}
      />
      <div className="field">
        <label htmlFor="field-description">Description</label>
        <textarea
          id="field-description"
          name="description"
          rows={3}
          maxLength={300}
          defaultValue={section?.description ?? ""}
          aria-describedby="field-description-error"
        />
        <FieldError id="field-description-error" errors={errors?.description} />
      </div>
    </>
  );
}
