"use client";

import type { Slot } from "@/lib/front/schema";
import type { BannerInput } from "./banner-fields";
import type { BlockRow } from "./section-blocks";

type Props = {
  lead: Slot | null;
  pinned: Slot[];
  blocks: BlockRow[];
  banner: BannerInput;
  sectionStories: Record<string, { id: string; headline: string }[]>;
};

/** How the front page will look with this arrangement: headlines in order, the newest filling what is not pinned. */
export function FrontPreview({ lead, pinned, blocks, banner, sectionStories }: Props) {
  const top = [...(lead ? [lead] : []), ...pinned];
  const shown = new Set(top.map((s) => s.id));
  return (
    <section className="card front-preview" aria-labelledby="preview-heading" data-testid="front-preview">
      <h2 id="preview-heading">Preview</h2>
      {banner.text ? (
        <p className="breaking-banner">
          <strong className="breaking-label">Breaking</strong> {banner.text}
        </p>
      ) : null}
      {top.length === 0 ? <p className="muted">The newest stories, as today.</p> : null}
      <ol className="preview-top">
        {top.map((s, i) => (
          <li key={s.id} className={i === 0 && lead ? "preview-lead" : undefined}>
            {s.headline}
          </li>
        ))}
        {top.length > 0 ? <li className="muted">…then the newest stories</li> : null}
      </ol>
      {blocks
        .filter((b) => b.shown)
        .map((b) => {
          const stories = (sectionStories[b.sectionId] ?? []).filter((s) => !shown.has(s.id)).slice(0, b.count || 0);
          return (
            <div key={b.sectionId} className="preview-block">
              <h3>
                {b.name} <span className="muted">({b.count || 0})</span>
              </h3>
              {stories.length === 0 ? (
                <p className="muted">No published stories: the block is left out.</p>
              ) : (
                <ul>
                  {stories.map((s) => (
                    <li key={s.id}>{s.headline}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
    </section>
  );
}
