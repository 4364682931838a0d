import type { ReactNode } from "react";
import { joinDeskLocal, splitDeskLocal } from "@/lib/format/time";
import { FieldError } from "./field-error";

type Props = {
  id: string;
  /** What the time is for, e.g. "Stops working at (Europe/Kyiv)"; names the pair for assistive technology. */
  legend: string;
  /** "2026-12-02T14:30" in the newsroom's zone, as typed ("" for none); read by parseDeskLocal. */
  value: string;
  onChange: (local: string) => void;
  hint?: ReactNode;
  errors?: string[];
};

/**
 * A time an editor types on the desk: a date as year-month-day and a 24-hour time, in two boxes,
 * the same everywhere (publishing, draft links, the front page). A browser's datetime-local box
 * showed 12-hour time in some locales, and a newsroom writes 24-hour time. The boxes keep the
 * full keyboard: a phone's number pad has no "-" or ":".
 */
export function DeskDateTime({ id, legend, value, onChange, hint, errors }: Props) {
  const [date, time] = splitDeskLocal(value);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
  const invalid = errors?.length ? true : undefined;
  const boxes = [
    { part: "date", label: "Date (year-month-day)", placeholder: "2026-12-02", value: date },
    { part: "time", label: "Time (24-hour)", placeholder: "14:30", value: time },
  ] as const;
  return (
    <fieldset className="desk-date-time">
      <legend>{legend}</legend>
      {boxes.map((box) => (
        <div className="field" key={box.part}>
          <label htmlFor={`${id}-${box.part}`}>{box.label}</label>
          <input
            id={`${id}-${box.part}`}
            value={box.value}
            placeholder={box.placeholder}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => onChange(box.part === "date" ? joinDeskLocal(e.target.value, time) : joinDeskLocal(date, e.target.value))}
          />
        </div>
      ))}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
