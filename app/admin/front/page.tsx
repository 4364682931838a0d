import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { getFrontDesk, type SlotProblem } from "@/lib/front/queries";
import { readSiteSettings } from "@/lib/settings/queries";
import { formatDateTime, utcToZonedLocal } from "@/lib/format/time";
import { FrontArranger, type ArrangerInitial } from "./front-arranger";
import { ScheduledList } from "./scheduled-list";
import { quoted } from "@/lib/format/text";
import { bannerIsUp } from "@/lib/front/schema";

export const metadata: Metadata = { title: "Front page" };

const REASONS: Record<SlotProblem["reason"], string> = {
  unpublished: "was unpublished, so it dropped out of",
  deleted: "was deleted, so it dropped out of",
  scheduled: "is not published yet; it shows in",
};

export default async function FrontDeskPage() {
  await requirePermission("front.arrange", "/admin/front");
  // Read fresh, not cached: a save must start from the arrangement in the database.
  const [desk, { timeZone }] = await Promise.all([getFrontDesk(), readSiteSettings()]);
  const a = desk.live?.arrangement;
  const gone = new Set(desk.problems.filter((p) => p.layout === "live" && p.reason !== "scheduled").map((p) => p.id));
  const keep = (s: { id: string } | null) => !!s && !gone.has(s.id);
  const chosen = a?.sections ?? [];
  const initial: ArrangerInitial = {
    basedOn: desk.live?.id ?? "",
    lead: a?.lead && keep(a.lead) ? a.lead : null,
    pinned: (a?.pinned ?? []).filter(keep),
    blocks: [
      ...chosen.flatMap((b) => {
        const s = desk.sections.find((x) => x.id === b.sectionId);
        return s ? [{ sectionId: s.id, name: s.name, count: b.count, shown: true }] : [];
      }),
      ...desk.sections
        .filter((s) => !chosen.some((b) => b.sectionId === s.id))
        .map((s) => ({ sectionId: s.id, name: s.name, count: 4, shown: chosen.length === 0 })),
    ],
    // A banner that has come down is not offered again: saved as it was, it was refused.
    banner:
      a && bannerIsUp(a.banner)
        ? { text: a.banner.text, url: a.banner.url, expiresLocal: utcToZonedLocal(a.banner.expiresAt!, timeZone) }
        : { text: "", url: "", expiresLocal: "" },
  };
  const cameDown = a && a.banner.text && !bannerIsUp(a.banner) ? a.banner : null;
  return (
    <>
      <h1>Front page</h1>
      <p className="muted">
        {desk.live
          ? `Arranged by ${desk.live.savedBy}, ${formatDateTime(desk.live.savedAt, timeZone)}.`
          : "Not arranged yet: readers see the newest stories and every section."}{" "}
        <a href="/" target="_blank" rel="noreferrer">
          View the front page
        </a>
      </p>
      {desk.problems.length > 0 ? (
        <div className="form-message error" role="alert" data-testid="front-problems">
          <ul className="plain-list">
            {desk.problems.map((p, i) => (
              <li key={i}>
                {quoted(p.headline)} {REASONS[p.reason]} {p.slot}
                {p.layout === "scheduled" ? " of a scheduled arrangement" : ""}.
                {p.layout === "live" && p.reason !== "scheduled" ? " Publish the front page again to fill the slot." : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {cameDown ? (
        <p className="muted" data-testid="banner-came-down">
          The banner {quoted(cameDown.text)} came down {formatDateTime(new Date(cameDown.expiresAt!), timeZone)}.
        </p>
      ) : null}
      <ScheduledList
        items={desk.scheduled.map((s) => ({
          id: s.id,
          when: formatDateTime(s.goesLiveAt, timeZone),
          lead: s.arrangement.lead?.headline ?? null,
          pinned: s.arrangement.pinned.length,
          by: s.by,
        }))}
      />
      <FrontArranger
        initial={initial}
        candidates={desk.candidates}
        sectionStories={Object.fromEntries(desk.sections.map((s) => [s.id, s.stories]))}
        timeZone={timeZone}
      />
    </>
  );
}
