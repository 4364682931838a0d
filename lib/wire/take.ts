import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { freeSlug } from "../format/free-slug";
import { slugify } from "../format/slug";
import { hasAllowedScheme, WEB_SCHEMES } from "../security/urls";
import { outboundFetch } from "../security/outbound";
import { bodySchema, emptyBody, type BlockNode, type BodyDoc } from "../articles/body";
import { createArticle } from "../articles/mutations/create";
import { isSlugAvailable } from "../articles/queries";
import { incomingLanguage } from "../articles/language";
import { languageName } from "../settings/language";
import { readSiteSettings } from "../settings/queries";
import { createAuthor } from "../authors/mutations";
import { createImage } from "../media/ingest";
import type { ImagePlacementInput } from "../media/schema";
import { takeWireItemSchema, type TakeWireItemInput } from "./schema";
import { bylineNames, splitCredit } from "./byline";
import type { AuthorKind } from "../authors/schema";
import { quoted } from "../format/text";

export type TakeResult = { articleId: string; notes: string[] };

/**
 * The stories' bylines for the item's names. A person is found among the bylines titled with the
 * agency that no staff member signs in as; otherwise one is made, with the agency as its title.
 * Anyone else of that name is someone else: "By John Smith" from AP was the newsroom's own John
 * Smith (and a freelancer or an imported author has no title either), and the note says so when
 * the newsroom has a writer of that name. The agency's staff ("<Agency> Staff") is found by name.
 */
async function bylineIds(
  viewer: Viewer,
  bylines: { name: string; kind: AuthorKind }[],
  agency: string,
  notes: string[],
): Promise<string[]> {
  const ids: string[] = [];
  const title = agency.slice(0, 120);
  for (const { name, kind } of bylines) {
    const found = await db.author.findFirst({
      where: { name, kind, userId: null, ...(kind === "PERSON" ? { title } : {}) },
      select: { id: true },
    });
    if (found) {
      ids.push(found.id);
      continue;
    }
    ids.push((await createAuthor(viewer, { name, title: kind === "PERSON" ? title : "", kind })).id);
    if (await db.author.count({ where: { name, userId: { not: null } } }))
      notes.push(
        `The byline ${quoted(name)} is ${agency}'s: the newsroom's own ${name} is someone else. If they are the same person, choose the staff byline instead.`,
      );
  }
  return [...new Set(ids)];
}

/** A photo's bytes: kept with the item (watched folder), else fetched from its http(s) address through the outbound guard. */
async function photoBytes(photo: { href: string; data: Uint8Array | null }): Promise<Buffer> {
  if (photo.data) return Buffer.from(photo.data);
  if (!hasAllowedScheme(photo.href, WEB_SCHEMES)) throw new Error("it came without its file and has no web address");
  const response = await outboundFetch(photo.href, { maxBytes: env.DATELINE_MAX_UPLOAD_MB * 1_000_000, timeoutMs: 30_000 });
  if (response.status !== 200) throw new Error(`its address answered ${response.status}`);
  return response.body;
}

/**
 * Takes a wire item into a new draft story (editors): headline, copy, dateline, bylines (the
 * item's, or "<Agency> Staff"), the item's photos ingested into the photo library with their
 * captions, credits and rights (the first as the hero, the others at the end of the body), and a
 * source link to the item. The story is created through the desk's own createArticle and never
 * published here; the WireTake row records the item and version, so its embargo holds the story
 * and a kill notice flags it. Taking an item already taken is refused with a conflict naming the
 * story, unless the editor confirms (`again`).
 */
export async function takeWireItem(viewer: Viewer, input: TakeWireItemInput): Promise<TakeResult> {
  assertPermission(viewer, "wire.take", "Only editors can take wire copy into a story.");
  const data = parseOrThrow(takeWireItemSchema, input);
  const item = await db.wireItem.findUnique({
    where: { id: data.id },
    include: { photos: { orderBy: { position: "asc" } }, takes: { select: { articleId: true } } },
  });
  if (!item) throw new AppError("not_found", "That wire item does not exist.");
  if (item.status !== "USABLE")
    throw new AppError("invalid", `${item.agency} ${item.status === "KILLED" ? "killed" : "withdrew"} this item; it cannot be taken.`);
  if (!data.again && item.takes.length) {
    const story = await db.article.findFirst({
      where: { id: { in: item.takes.map((t) => t.articleId) } },
      select: { id: true, headline: true },
    });
    if (story)
      throw new AppError(
        "conflict",
        `This item was already taken as ${quoted(story.headline)}. Open that story, or take it again to make a second one.`,
        undefined,
        {
          articleId: story.id,
        },
      );
  }

  const notes: string[] = [];
  const placements: ImagePlacementInput[] = [];
  for (const photo of item.photos) {
    try {
      const bytes = await photoBytes(photo);
      const credit = splitCredit(photo.credit);
      const image = await createImage(
        viewer,
        bytes,
        // The agency's copyright notice and usage terms, as the photo's license terms.
        { altText: photo.altText, caption: photo.caption, ...credit, license: photo.rights.slice(0, 1000) },
        `${slugify(item.headline, 60) || "wire-photo"}-${photo.position + 1}`,
      );
      placements.push({ imageId: image.id, caption: photo.caption, altText: photo.altText, ...credit });
    } catch (error) {
      const why = error instanceof AppError ? error.message : error instanceof Error ? error.message : String(error);
      notes.push(`Photo ${photo.position + 1} was left out: ${why}.`);
      log("warn", "a wire photo could not be ingested", { item: item.id, photo: photo.id, error: why });
    }
  }

  const parsedBody = bodySchema.safeParse(item.body);
  const body: BodyDoc = parsedBody.success ? parsedBody.data : emptyBody();
  const extra: BlockNode[] = placements.slice(1).map((p) => ({
    type: "image",
    attrs: {
      imageId: p.imageId,
      ...(p.caption ? { caption: p.caption } : {}),
      ...(p.altText ? { alt: p.altText } : {}),
      ...(p.creditLine || p.credit ? { credit: (p.creditLine || [p.credit, p.agency].filter(Boolean).join("/")).slice(0, 300) } : {}),
    },
  }));
  // The agency's own address for the item is the story's source. An item without one (a urn: id)
  // gives none: the desk's page of the item is no address for readers, nor one to archive.
  if (!item.link)
    notes.push(`${item.agency} gave no web address for this item, so the story lists no source for it: add one if there is one.`);
  const headline = item.headline.slice(0, 200);
  const slug = await freeSlug(headline, async (s) => !(await isSlugAvailable(s)));
  const section = data.sectionId ? await db.section.findUnique({ where: { id: data.sectionId }, select: { id: true } }) : null;
  // An item in another language than the site's makes a story in that language (its page's lang,
  // its feed item's, the news sitemap's), as the editor would set it.
  const language = incomingLanguage(item.language, (await readSiteSettings()).language);
  if (language) notes.push(`The story is in ${languageName(language) ?? "the language"} (${language}), as the item is.`);
  const story = await createArticle(
    viewer,
    {
      headline,
      slug,
      dateline: item.dateline.slice(0, 100),
      language,
      sectionId: section?.id ?? null,
      authorIds: await bylineIds(viewer, bylineNames(item.byline, item.agency), item.agency, notes),
      body: { type: "doc", content: [...body.content, ...extra] },
      hero: placements[0] ?? null,
      sources: item.link
        ? [
            {
              url: item.link,
              title: `${item.agency}: ${item.headline}`.slice(0, 300),
              publisher: item.agency.slice(0, 200),
              kind: "NEWS_ARTICLE",
              note: `${item.agency} wire copy, version ${item.version}.`.slice(0, 1000),
              accessedAt: new Date(),
            },
          ]
        : [],
    },
    // The record of the take is written with the story, in its transaction: a story taken from an
    // item always carries its embargo and kill, and of two editors taking the item at once without
    // "again", the second is refused.
    async (tx, created) => {
      if (!data.again && (await tx.wireTake.count({ where: { itemId: item.id } })) > 0)
        throw new AppError(
          "conflict",
          "Another editor took this item a moment ago. Open the wire item to see the story, or take it again.",
        );
      await tx.wireTake.create({ data: { itemId: item.id, version: item.version, articleId: created.id, takenById: viewer.id } });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "wire.take",
        entityType: "WireItem",
        entityId: item.id,
        data: { articleId: created.id, version: item.version, again: data.again || undefined, notes: notes.length ? notes : undefined },
      });
    },
  );
  return { articleId: story.id, notes };
}
