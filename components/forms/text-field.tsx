import type { InputHTMLAttributes, Ref } from "react";
import { FieldError } from "./field-error";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input with its hint and its field errors wired up for assistive technology. */
export function TextField({ name, label, hint, errors, id = `field-${name}`, ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
