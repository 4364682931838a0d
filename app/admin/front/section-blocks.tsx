"use client";

import "@/lib/security/zod-jitless";
import { MAX_SECTION_COUNT } from "@/lib/front/schema";
import type { FieldErrors } from "@/lib/errors";
import { FieldError } from "@/components/forms/field-error";
import { moveItem, useKeptFocus } from "@/components/admin/reorder";
import { useAnnounce } from "@/components/admin/announcer";

export type BlockRow = { sectionId: string; name: string; count: number; shown: boolean };

type Props = { blocks: BlockRow[]; onChange: (blocks: BlockRow[]) => void; errors?: FieldErrors };

/** The section blocks below the top stories: which sections, in which order, how many stories each. */
export function SectionBlocks({ blocks, onChange, errors }: Props) {
  const announce = useAnnounce();
  const keep = useKeptFocus("block", blocks);
  const shownIndex = (i: number) => blocks.slice(0, i).filter((b) => b.shown).length;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= blocks.length) return;
    onChange(moveItem(blocks, from, to));
    announce(`${blocks[from]!.name} moved to position ${to + 1} of ${blocks.length}.`);
  };
  const set = (i: number, patch: Partial<BlockRow>) => onChange(blocks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <section className="card" aria-labelledby="blocks-heading">
      <h2 id="blocks-heading">Section blocks</h2>
      <ol className="front-slots" aria-label="Section blocks">
        {blocks.map((b, i) => {
          const errorKey = `sections.${shownIndex(i)}.count`;
          return (
            <li key={b.sectionId} className={`front-slot${b.shown ? "" : " off"}`}>
              <label className="checkbox">
                <input type="checkbox" checked={b.shown} onChange={(e) => set(i, { shown: e.target.checked })} /> Show {b.name}
              </label>
              <label className="front-count">
                Stories{" "}
                <input
                  type="number"
                  min={1}
                  max={MAX_SECTION_COUNT}
                  value={Number.isNaN(b.count) ? "" : b.count}
                  disabled={!b.shown}
                  aria-label={`Stories in the ${b.name} block`}
                  aria-describedby={`block-error-${b.sectionId}`}
                  onChange={(e) => set(i, { count: e.target.valueAsNumber })}
                />
              </label>
              <span className="front-slot-buttons">
                <button
                  type="button"
                  id={`block-up-${b.sectionId}`}
                  className="button secondary small"
                  disabled={i === 0}
                  aria-label={`Move ${b.name} up`}
                  onClick={() => {
                    keep(b.sectionId, "up");
                    move(i, i - 1);
                  }}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  id={`block-down-${b.sectionId}`}
                  className="button secondary small"
                  disabled={i === blocks.length - 1}
                  aria-label={`Move ${b.name} down`}
                  onClick={() => {
                    keep(b.sectionId, "down");
                    move(i, i + 1);
                  }}
                >
                  ↓ Down
                </button>
              </span>
              <FieldError id={`block-error-${b.sectionId}`} errors={b.shown ? errors?.[errorKey] : undefined} />
            </li>
          );
        })}
      </ol>
      <FieldError id="sections-error" errors={errors?.sections} />
    </section>
  );
}
