import { db } from "../db";
import { ArticleStatus, FrontLayoutState } from "../generated/prisma/enums";
import { articleCardSelect, toArticleCard, type ArticleCard } from "../articles/dto";
import { arrangementSchema, EMPTY_ARRANGEMENT, type Arrangement, type Slot } from "./schema";

/** A stored arrangement; one that no longer parses (never written by this code) reads as empty. */
export function parseArrangement(json: string): Arrangement {
  try {
    const parsed = arrangementSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_ARRANGEMENT;
  } catch {
    return EMPTY_ARRANGEMENT;
  }
}

export async function readLiveLayout() {
  const row = await db.frontLayout.findFirst({
    where: { state: FrontLayoutState.LIVE },
    select: { id: true, arrangement: true, createdAt: true, createdById: true },
  });
  return row && { ...row, arrangement: parseArrangement(row.arrangement) };
}

/** What readers see at the top of the front page: the live arrangement with only published stories in it. */
export type PublicFront = {
  lead: ArticleCard | null;
  pinned: ArticleCard[];
  /** Section blocks in order, or null when editors have not chosen (every section, a few stories each). */
  sections: { sectionId: string; count: number }[] | null;
  banner: { text: string; url: string; expiresAt: Date } | null;
};

export async function readPublicFront(): Promise<PublicFront> {
  const live = await readLiveLayout();
  if (!live) return { lead: null, pinned: [], sections: null, banner: null };
  const a = live.arrangement;
  const ids = [...(a.lead ? [a.lead.id] : []), ...a.pinned.map((s) => s.id)];
  // An unpublished or deleted story simply is not found: it drops out of its slot.
  const rows = await db.article.findMany({ where: { id: { in: ids }, status: ArticleStatus.PUBLISHED }, select: articleCardSelect });
  const cards = new Map(rows.map((r) => [r.id, toArticleCard(r)]));
  const banner = a.banner.text && a.banner.expiresAt ? { text: a.banner.text, url: a.banner.url, expiresAt: a.banner.expiresAt } : null;
  return {
    lead: (a.lead && cards.get(a.lead.id)) ?? null,
    pinned: a.pinned.flatMap((s) => cards.get(s.id) ?? []),
    sections: a.sections.length > 0 ? a.sections : null,
    banner,
  };
}

/** A slot whose story no longer shows: unpublished, deleted, or not yet live. */
export type SlotProblem = {
  id: string;
  slot: string;
  headline: string;
  reason: "unpublished" | "deleted" | "scheduled";
  layout: "live" | "scheduled";
};

async function slotProblems(a: Arrangement, layout: SlotProblem["layout"]): Promise<SlotProblem[]> {
  const slots: [string, Slot][] = [
    ...(a.lead ? [["the lead", a.lead] as [string, Slot]] : []),
    ...a.pinned.map((s, i) => [`pinned slot ${i + 1}`, s] as [string, Slot]),
  ];
  const rows = await db.article.findMany({
    where: { id: { in: slots.map(([, s]) => s.id) } },
    select: { id: true, status: true, headline: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return slots.flatMap(([slot, s]): SlotProblem[] => {
    const row = byId.get(s.id);
    if (!row) return [{ id: s.id, slot, headline: s.headline, reason: "deleted", layout }];
    if (row.status === ArticleStatus.PUBLISHED) return [];
    if (row.status === ArticleStatus.SCHEDULED) return [{ id: s.id, slot, headline: row.headline, reason: "scheduled", layout }];
    return [{ id: s.id, slot, headline: row.headline, reason: "unpublished", layout }];
  });
}

export type FrontCandidate = { id: string; headline: string; status: ArticleStatus; section: string | null };

/** Everything /admin/front needs: the live and scheduled arrangements, what dropped out, the stories to place, the sections. */
export async function getFrontDesk() {
  const [live, scheduledRows, candidates, sections] = await Promise.all([
    readLiveLayout(),
    db.frontLayout.findMany({
      where: { state: FrontLayoutState.SCHEDULED },
      orderBy: { goesLiveAt: "asc" },
      select: { id: true, arrangement: true, goesLiveAt: true, createdById: true },
    }),
    db.article.findMany({
      where: { status: { in: [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED] } },
      orderBy: [{ firstPublishedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
      take: 150,
      select: { id: true, headline: true, status: true, section: { select: { name: true } } },
    }),
    db.section.findMany({
      orderBy: { position: "asc" },
      select: {
        id: true,
        name: true,
        slug: true,
        articles: {
          where: { status: ArticleStatus.PUBLISHED },
          orderBy: [{ firstPublishedAt: "desc" }, { id: "desc" }],
          take: 12,
          select: { id: true, headline: true },
        },
      },
    }),
  ]);
  const scheduled = scheduledRows.map((r) => ({ ...r, arrangement: parseArrangement(r.arrangement) }));
  const people = await db.user.findMany({
    where: { id: { in: [live?.createdById, ...scheduled.map((s) => s.createdById)].filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? "someone";
  const problems = [
    ...(live ? await slotProblems(live.arrangement, "live") : []),
    ...(await Promise.all(scheduled.map((s) => slotProblems(s.arrangement, "scheduled")))).flat(),
  ];
  return {
    live: live && { id: live.id, arrangement: live.arrangement, savedAt: live.createdAt, savedBy: nameOf(live.createdById) },
    scheduled: scheduled.map((s) => ({ id: s.id, goesLiveAt: s.goesLiveAt!, arrangement: s.arrangement, by: nameOf(s.createdById) })),
    problems,
    candidates: candidates.map((c): FrontCandidate => ({
      id: c.id,
      headline: c.headline,
      status: c.status,
      section: c.section?.name ?? null,
    })),
    sections: sections.map((s) => ({ id: s.id, name: s.name, slug: s.slug, stories: s.articles })),
  };
}
export type FrontDesk = Awaited<ReturnType<typeof getFrontDesk>>;
