"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { FrontCandidate } from "@/lib/front/queries";
import type { Slot } from "@/lib/front/schema";
import { useAction } from "@/components/forms/use-action";
import { DeskDateTime } from "@/components/forms/desk-date-time";
import { FormMessage } from "@/components/forms/form-message";
import { Announcer } from "@/components/admin/announcer";
import { saveFrontLayoutAction } from "./actions";
import { StorySlots } from "./story-slots";
import { SectionBlocks, type BlockRow } from "./section-blocks";
import { BannerFields, type BannerInput } from "./banner-fields";
import { FrontPreview } from "./front-preview";

export type ArrangerInitial = { basedOn: string; lead: Slot | null; pinned: Slot[]; blocks: BlockRow[]; banner: BannerInput };

type Props = {
  initial: ArrangerInitial;
  candidates: FrontCandidate[];
  sectionStories: Record<string, { id: string; headline: string }[]>;
  timeZone: string;
};

/** Arranges the front page with the mouse or the keyboard, previews it, and puts it live now or at a chosen time. */
export function FrontArranger({ initial, candidates, sectionStories, timeZone }: Props) {
  const router = useRouter();
  const [lead, setLead] = useState(initial.lead);
  const [pinned, setPinned] = useState(initial.pinned);
  const [blocks, setBlocks] = useState(initial.blocks);
  const [banner, setBanner] = useState(initial.banner);
  const [when, setWhen] = useState("");
  // The live arrangement this one replaces: the one the page was opened on, then each of our own saves.
  const [basedOn, setBasedOn] = useState(initial.basedOn);
  const saveLayout = useAction(saveFrontLayoutAction);
  const { pending, result } = saveLayout;
  const errors = saveLayout.fieldErrors;

  const save = async (schedule: boolean) => {
    const input = {
      basedOn,
      goesLiveLocal: schedule ? when : "",
      arrangement: {
        lead,
        pinned,
        sections: blocks.filter((b) => b.shown).map((b) => ({ sectionId: b.sectionId, count: b.count })),
        banner,
      },
    };
    const outcome = await saveLayout.run(input);
    if (outcome?.ok) {
      if (!outcome.data.scheduled) setBasedOn(outcome.data.id);
      router.refresh();
    }
  };

  return (
    <div className="front-arranger">
      <div className="front-controls">
        {/* What a move, a pick or a removal did is said in the screen's one live region. */}
        <Announcer testId="front-announcer">
          <StorySlots
            lead={lead}
            pinned={pinned}
            candidates={candidates}
            errors={{ lead: errors?.lead, pinned: errors?.pinned }}
            onChange={(l, p) => {
              setLead(l);
              setPinned(p);
            }}
          />
          <SectionBlocks blocks={blocks} onChange={setBlocks} errors={errors} />
        </Announcer>
        <BannerFields banner={banner} onChange={setBanner} timeZone={timeZone} errors={errors} />
        <section className="card" aria-labelledby="save-heading">
          <h2 id="save-heading">Put it live</h2>
          {result?.ok ? (
            <FormMessage kind="success">
              {result.data.scheduled ? "Scheduled. It goes live at the time you chose." : "The front page shows this arrangement now."}
            </FormMessage>
          ) : null}
          {result && !result.ok ? <FormMessage>{result.error}</FormMessage> : null}
          <button type="button" className="button" disabled={pending} onClick={() => save(false)}>
            Publish the front page now
          </button>
          <div className="field front-schedule">
            <DeskDateTime
              id="front-when"
              legend={`Or switch to it at (${timeZone})`}
              value={when}
              onChange={setWhen}
              errors={errors?.goesLiveAt}
            />
            <button type="button" className="button secondary" disabled={pending || !when} onClick={() => save(true)}>
              Schedule this arrangement
            </button>
          </div>
        </section>
      </div>
      <FrontPreview lead={lead} pinned={pinned} blocks={blocks} banner={banner} sectionStories={sectionStories} />
    </div>
  );
}
