"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { formatDateTime, parseDeskLocal, zoneLabel } from "@/lib/format/time";
import { DeskDateTime } from "@/components/forms/desk-date-time";

/** When a story goes live: now, or at a time, with the value as typed (the server reads it again). */
export type GoLive = { mode: "now" } | { mode: "at"; at: Date; local: string };

type Props = {
  headline: string;
  address: string;
  sectionName: string;
  timeZone: string;
  canPublishNow: boolean;
  canSchedule: boolean;
  /** The suggested schedule time, "2026-12-02T14:00" in the newsroom's zone. */
  suggestion: string;
  pending: boolean;
  error: string | null;
  onConfirm: (when: GoLive) => void;
  onClose: () => void;
};

/**
 * The last look before a story goes live: its headline, address, section and the time it goes
 * live (now, or a date and 24-hour time in the newsroom's zone, written out). Opens with the
 * confirm button focused, so Enter publishes; Escape cancels.
 */
export function PublishDialog(props: Props) {
  const { headline, address, sectionName, timeZone, canPublishNow, canSchedule, suggestion, pending, error, onConfirm, onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<"now" | "at">(canPublishNow ? "now" : "at");
  const [when, setWhen] = useState(suggestion.slice(0, 16));
  const parsed = parseDeskLocal(when, timeZone);
  const [openedAt] = useState(() => Date.now());
  const inPast = "at" in parsed && parsed.at.getTime() < openedAt;
  const whenError =
    mode === "at" ? ("error" in parsed ? parsed.error : inPast ? "That time has passed: choose a later one, or publish now." : null) : null;

  useEffect(() => {
    dialog.current?.showModal();
    confirm.current?.focus();
  }, []);
  // Closed before it leaves the page (a layout effect's cleanup runs while the element is still
  // there), the dialog hands focus back to what had it: the "Publish…" button, or the editor
  // where Alt+Shift+P was pressed. Taken away open, it would leave focus on the page's body.
  useLayoutEffect(() => {
    const element = dialog.current;
    return () => element?.close();
  }, []);

  const goLive = mode === "now" ? "As soon as you confirm" : "at" in parsed ? formatDateTime(parsed.at, timeZone) : "—";
  return (
    <dialog
      ref={dialog}
      className="publish-dialog"
      aria-labelledby="publish-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (pending || whenError) return;
          onConfirm(mode === "now" ? { mode: "now" } : { mode: "at", at: (parsed as { at: Date }).at, local: when });
        }}
      >
        <h2 id="publish-dialog-title">{mode === "now" ? "Publish this story?" : "Schedule this story?"}</h2>
        <dl className="publish-summary">
          <dt>Headline</dt>
          <dd>{headline}</dd>
          <dt>Address</dt>
          <dd className="publish-address">{address}</dd>
          <dt>Section</dt>
          <dd>{sectionName}</dd>
          <dt>Goes live</dt>
          <dd data-testid="publish-goes-live">{goLive}</dd>
        </dl>
        {canPublishNow && canSchedule ? (
          <fieldset className="publish-when">
            <legend>When</legend>
            <label>
              <input type="radio" name="when" value="now" checked={mode === "now"} onChange={() => setMode("now")} /> Now
            </label>
            <label>
              <input type="radio" name="when" value="at" checked={mode === "at"} onChange={() => setMode("at")} /> At a set time
            </label>
          </fieldset>
        ) : null}
        {mode === "at" ? (
          <DeskDateTime
            id="publish"
            legend="Goes live at"
            value={when}
            onChange={setWhen}
            hint={`Newsroom time: ${zoneLabel(timeZone, "at" in parsed ? parsed.at : new Date())}`}
            errors={whenError ? [whenError] : undefined}
          />
        ) : null}
        {error ? (
          <p className="form-message error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="workflow-moves">
          <button ref={confirm} type="submit" className="button" disabled={pending || !!whenError}>
            {pending ? "Publishing…" : mode === "now" ? "Publish now" : "Schedule"}
          </button>
          <button type="button" className="button secondary" disabled={pending} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
