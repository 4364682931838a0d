"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useRef, useState } from "react";
import type { FrontCandidate } from "@/lib/front/queries";
import { MAX_PINNED, type Slot } from "@/lib/front/schema";
import { FieldError } from "@/components/forms/field-error";
import { moveItem, useKeptFocus } from "@/components/admin/reorder";
import { useAnnounce } from "@/components/admin/announcer";
import { quoted } from "@/lib/format/text";

type Props = {
  lead: Slot | null;
  pinned: Slot[];
  candidates: FrontCandidate[];
  onChange: (lead: Slot | null, pinned: Slot[]) => void;
  errors?: { lead?: string[]; pinned?: string[] };
};

/** The lead story and the pinned slots: add from the list, reorder by dragging or with Move up/down (focus stays), remove. */
export function StorySlots({ lead, pinned, candidates, onChange, errors }: Props) {
  const announce = useAnnounce();
  const [choice, setChoice] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const keep = useKeptFocus("pinned", pinned);
  // Where the keyboard goes once a pick, a new lead or a removal shows: the button that made it
  // is gone or disabled, and focus would otherwise fall back to the page.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    focusNext.current = null;
    if (id) document.getElementById(id)?.focus();
  }, [lead, pinned]);
  const placed = new Set([lead?.id, ...pinned.map((s) => s.id)]);
  const available = candidates.filter((c) => !placed.has(c.id));
  const chosen = candidates.find((c) => c.id === choice && !placed.has(c.id));

  const move = (from: number, to: number) => {
    if (to < 0 || to >= pinned.length) return;
    onChange(lead, moveItem(pinned, from, to));
    announce(`${quoted(pinned[from]!.headline)} moved to pinned slot ${to + 1} of ${pinned.length}.`);
  };
  const makeLead = (index: number) => {
    const story = pinned[index]!;
    const rest = pinned.filter((_, i) => i !== index);
    onChange(story, lead ? [lead, ...rest].slice(0, MAX_PINNED) : rest);
    focusNext.current = "front-lead";
    announce(`${quoted(story.headline)} is the lead now.`);
  };
  const unpin = (index: number) => {
    const story = pinned[index]!;
    const rest = pinned.filter((_, i) => i !== index);
    // The story that took its place, or the one before it, or (none left) the list to pick from.
    const next = rest[index] ?? rest[index - 1];
    onChange(lead, rest);
    focusNext.current = next ? `pinned-remove-${next.id}` : "front-story";
    announce(`${quoted(story.headline)} is no longer pinned.`);
  };
  const dropLead = () => {
    if (!lead) return;
    onChange(null, pinned);
    focusNext.current = "front-story";
    announce(`${quoted(lead.headline)} is no longer the lead: the newest story leads.`);
  };
  const add = (asLead: boolean) => {
    if (!chosen) return;
    const slot = { id: chosen.id, headline: chosen.headline };
    if (asLead) onChange(slot, lead ? [lead, ...pinned].slice(0, MAX_PINNED) : pinned);
    else onChange(lead, [...pinned, slot]);
    announce(asLead ? `${quoted(slot.headline)} is the lead now.` : `${quoted(slot.headline)} pinned in slot ${pinned.length + 1}.`);
    setChoice("");
    focusNext.current = "front-story";
  };

  return (
    <section className="card" aria-labelledby="slots-heading">
      <h2 id="slots-heading">Lead and pinned stories</h2>
      <div className="field">
        <label htmlFor="front-story">Story to place</label>
        <select id="front-story" value={chosen ? choice : ""} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a published or scheduled story…</option>
          {available.map((c) => (
            <option key={c.id} value={c.id}>
              {c.headline}
              {c.section ? ` (${c.section})` : ""}
              {c.status === "SCHEDULED" ? " · scheduled" : ""}
            </option>
          ))}
        </select>
        <div className="front-actions">
          <button type="button" className="button secondary" disabled={!chosen} onClick={() => add(true)}>
            Set as lead
          </button>
          <button type="button" className="button secondary" disabled={!chosen || pinned.length >= MAX_PINNED} onClick={() => add(false)}>
            Pin
          </button>
        </div>
      </div>

      <h3 className="front-subheading">Lead</h3>
      {lead ? (
        <div className="front-slot lead" data-testid="front-lead" id="front-lead" tabIndex={-1}>
          <span className="front-slot-title">{lead.headline}</span>
          <button
            type="button"
            className="button secondary small"
            onClick={dropLead}
            aria-label={`Remove ${quoted(lead.headline)} from the lead`}
          >
            Remove
          </button>
        </div>
      ) : (
        <p className="muted">No lead chosen: the newest story leads.</p>
      )}
      <FieldError id="lead-error" errors={errors?.lead} />

      <h3 className="front-subheading">
        Pinned ({pinned.length} of {MAX_PINNED})
      </h3>
      {pinned.length === 0 ? <p className="muted">Nothing pinned: the newest stories follow the lead.</p> : null}
      <ol className="front-slots" aria-label="Pinned stories" data-testid="front-pinned">
        {pinned.map((slot, i) => (
          <li
            key={slot.id}
            className={`front-slot${dragging === i ? " dragging" : ""}`}
            draggable
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", slot.id);
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) move(dragging, i);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
          >
            <span className="drag-handle" aria-hidden="true">
              ⠿
            </span>
            <span className="front-slot-title">
              {i + 1}. {slot.headline}
            </span>
            <span className="front-slot-buttons">
              <button
                type="button"
                id={`pinned-up-${slot.id}`}
                className="button secondary small"
                disabled={i === 0}
                aria-label={`Move ${quoted(slot.headline)} up`}
                onClick={() => {
                  keep(slot.id, "up");
                  move(i, i - 1);
                }}
              >
                ↑ Up
              </button>
              <button
                type="button"
                id={`pinned-down-${slot.id}`}
                className="button secondary small"
                disabled={i === pinned.length - 1}
                aria-label={`Move ${quoted(slot.headline)} down`}
                onClick={() => {
                  keep(slot.id, "down");
                  move(i, i + 1);
                }}
              >
                ↓ Down
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-label={`Make lead: ${quoted(slot.headline)}`}
                onClick={() => makeLead(i)}
              >
                Make lead
              </button>
              <button
                type="button"
                id={`pinned-remove-${slot.id}`}
                className="button secondary small"
                aria-label={`Remove ${quoted(slot.headline)} from the pinned slots`}
                onClick={() => unpin(i)}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <FieldError id="pinned-error" errors={errors?.pinned} />
    </section>
  );
}
