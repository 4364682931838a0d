import crypto from "node:crypto";
import fs from "node:fs/promises";
import { env } from "../../env";
import { db, type Tx } from "../../db";
import { recordAudit } from "../../audit/mutations";
import { assertPermission, type Viewer } from "../../auth/viewer";
import { AppError, fromDatabaseError } from "../../errors";
import { ArticleStatus } from "../../generated/prisma/enums";
import { slugForName } from "../../format/free-slug";
import { slugifyAnyScript } from "../../format/slug-any-script";
import { createArticleSchema, normalizeDek, type ArticleFields } from "../../articles/schema";
import { articleColumns, assertReferencesExist, clearRelations, relationCreates } from "../../articles/relations";
import { writeRevision } from "../../articles/snapshot";
import { incomingLanguage } from "../../articles/language";
import { languageName } from "../../settings/language";
import { readSiteSettings } from "../../settings/queries";
import { recordFeedDepartures } from "../../feeds/departures";
import { moveSelect, moveStory } from "../../articles/mutations/transition";
import { claimVersion } from "../../articles/mutations/update";
import { TRANSITIONS } from "../../articles/policy";
import { RESERVED_SECTION_SLUGS } from "../../sections/schema";
import { createImage } from "../../media/ingest";
import { imageMetadataSchema } from "../../media/schema";
import { expireEverything } from "../../cache/invalidation";
import { readFileInside } from "../../security/folder-files";
import { andList, shortenAtWord } from "../../format/text";
import { cancelTooLateMessage } from "../report";
import { readWxr, type WxrAuthor, type WxrItem, type WxrTerm } from "./wxr";
import { convertContent, htmlToText, photoRefs, type ResolvedPhoto } from "./body";
import {
  bodyPhotoRelativePath,
  importedHeadline,
  NESTED_CATEGORY_RULE,
  oldSitePath,
  photoCopyright,
  photoCredit,
  postDates,
  STATUS_RULES,
  safeDecode,
  storySlug,
  uploadsRelativePath,
} from "./mapping";
import { saveOldPath, type RedirectTarget } from "../redirects";
import { takeTurn } from "../../ops/take-turn";

/**
 * The WordPress import: a WXR export (and the site's uploads folder) → Dateline's stories,
 * sections, tags, bylines and photos, with every old address kept (lib/import/redirects.ts).
 *
 * - Idempotent: every WordPress id it wrote is kept in ImportMapping (with a hash of what it
 *   read), so running it again updates what changed and skips the rest; nothing is duplicated.
 * - Resumable: each item is written in one transaction together with its mapping, so a crash
 *   leaves whole items or none; running the same import again carries on where it stopped.
 * - Validated: every story passes the desk's own schema (createArticleSchema) and reference
 *   checks, every photo the library's; a bad item is reported and nothing of it is written.
 * - An admin's action (import.run): everything it writes is in the audit log under their name.
 * - Published posts go live through moveStory, the desk's one status move, in its import mode
 *   (original dates kept; missing alt text and credits reported, not refused).
 *
 * The file is read twice as a stream (terms, bylines and photos first, then posts), so a post's
 * photos, section and bylines exist when it is written, and the export never sits in memory.
 */

export type ImportOptions = {
  file: string;
  /** The site's wp-content/uploads folder; without it, no photo files can be imported. */
  uploadsDir: string | null;
  actor: Viewer;
  /** Called after each item (the admin screen's progress; a test may throw here to crash the run). */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /**
   * When this run's first try began, for a try resumed after a restart: what it finds written
   * since then (by its mapping rows' times) its earlier try did, and the report counts it so.
   */
  startedAt?: Date;
  /** Asked between items: the name of whoever asked the import to stop, or null to go on. */
  stopRequested?: () => Promise<string | null>;
  /** This try carries on a run an earlier try began (a restart): what that try wrote is finished, not left. */
  resumed?: boolean;
  /**
   * What the earlier tries of this run found to check, as they saved it (`onProgress`'s report):
   * this try finds what they wrote unchanged and says nothing of it, and their report was lost
   * with their process (a restart's report listed only the second try's warnings). Only their
   * items' warnings are taken, and those counted past the list's cap; what is said of the whole
   * export (its language, a late cancel) is said again by this try.
   */
  earlier?: Pick<ImportReport, "warnings" | "more">;
  now?: () => Date;
};

export type ImportProgress = {
  phase: "reading" | "photos" | "stories" | "done";
  processed: number;
  stories: number;
  /** The report so far (not to be changed): a try resumed after a restart is given its warnings back. */
  report: Readonly<ImportReport>;
};

type Counts = { created: number; updated: number; unchanged: number; skipped: number };
const newCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0 });

export type ImportReport = {
  source: string;
  wxrVersion: string;
  startedAt: string;
  finishedAt: string;
  counts: { stories: Counts; sections: Counts; tags: Counts; bylines: Counts; photos: Counts; redirects: number };
  statuses: Record<string, { count: number; became: string }>;
  rules: string[];
  sections: { category: string; became: string }[];
  skipped: { kind: string; id: string; title: string; reason: string }[];
  warnings: { kind: string; id: string; title: string; message: string }[];
  /** Entries past the lists' cap are counted, not listed. */
  more: { skipped: number; warnings: number };
  /** Stopped on request: by whom, after how many of the export's posts. */
  cancelled?: { by: string; after: number; of: number };
  /** Who asked it to stop after its last post: too late, it finished (the warnings say so). */
  cancelledTooLate?: string;
};

const LIST_CAP = 2000;
/** The report's entries about one item of the export (the others are about the whole export). */
const ITEM_KINDS = ["story", "photo", "byline"];
/**
 * WordPress's default category, where a post is left when it was given no other: "Uncategorized",
 * under its slug in English, German, French, Spanish, Italian, Portuguese and Dutch. Not term 1 as
 * such: a site that renamed it ("News") uses it as a section of its own.
 */
const DEFAULT_CATEGORIES = [
  "uncategorized",
  "allgemein",
  "non-classe",
  "sin-categoria",
  "senza-categoria",
  "sem-categoria",
  "ongecategoriseerd",
];

/** Records in the report that `by` asked the import to stop after its last post, once. */
export function noteCancelTooLate(report: ImportReport, by: string) {
  if (report.cancelledTooLate) return;
  report.cancelledTooLate = by;
  addWarning(report, "export", "", "", cancelTooLateMessage(by));
}

/**
 * Adds a warning to the report's list ("To check"), or counts it past the list's cap; once (a
 * resumed try says again some of what its earlier try said).
 */
function addWarning(report: ImportReport, kind: string, id: string, title: string, message: string) {
  const warning = { kind, id, title: title.slice(0, 200), message };
  const said = saidIn.get(report) ?? new Set<string>();
  saidIn.set(report, said);
  const key = JSON.stringify(warning);
  if (said.has(key)) return;
  said.add(key);
  if (report.warnings.length < LIST_CAP) report.warnings.push(warning);
  else report.more.warnings++;
}
/** The warnings each report has had, listed or past the cap: each is said once. */
const saidIn = new WeakMap<ImportReport, Set<string>>();
/** A file the photo library takes, by its name (anything else the export attached is skipped). */
const isPhotoFile = (attachment: { file?: string | null; url: string }) =>
  /\.(jpe?g|png|gif|webp|avif)$/i.test(attachment.file ?? attachment.url);

const hash = (value: unknown) => crypto.createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

type Attachment = {
  id: string;
  title: string;
  url: string;
  file: string | null;
  parent: string;
  link: string;
  caption: string;
  alt: string;
  credit: string;
  copyright: string;
  hash: string;
};

type Guest = { id: string; login: string; name: string; bio: string };

export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  assertPermission(options.actor, "import.run", "Only admins can import another site's archive.");
  const now = options.now ?? (() => new Date());
  const run = new WordPressImport(options, now);
  return run.execute();
}

class WordPressImport {
  private source = "";
  private baseUrls: string[] = [];
  private wxrVersion = "";
  /** The stories' own language: the WordPress site's, when it is another than this site's (incomingLanguage). */
  private language: string | null = null;
  /** This site's language of stories (a setting). */
  private siteLanguage = "";
  private readonly actor: Viewer;
  private readonly report: ImportReport;
  private processed = 0;
  /** The export's posts, and those gone through so far (the report of a cancelled run says both). */
  private posts = 0;
  private postsDone = 0;
  private stoppedBy: string | null = null;
  /** Whether the stop left items out (a stop noticed after the last one is too late: the import is done). */
  private cutShort = false;
  /** Mapping rows this try wrote (one it finds again is its own, not an earlier try's). */
  private readonly written = new Set<string>();
  private readonly authors = new Map<string, WxrAuthor>();
  private readonly guests = new Map<string, Guest>();
  private readonly categories = new Map<string, WxrTerm>();
  private readonly tagTerms = new Map<string, WxrTerm>();
  private readonly attachments = new Map<string, Attachment>();
  private readonly attachmentByFile = new Map<string, string>();
  private readonly attachmentsByParent = new Map<string, string[]>();
  // WordPress key → Dateline id, filled as things are written.
  private readonly bylineIds = new Map<string, string>();
  private readonly sectionIds = new Map<string, string>();
  private readonly categoryTagIds = new Map<string, string>();
  private readonly tagIds = new Map<string, string>();
  /** Old addresses of this site another imported site already had (they still lead there), by the site that has them. */
  private readonly heldAddresses = new Map<string, string>();
  private readonly photoIds = new Map<string, string>();
  private readonly filePhotoIds = new Map<string, string>();

  constructor(
    private readonly options: ImportOptions,
    private readonly now: () => Date,
  ) {
    this.actor = options.actor;
    this.report = {
      source: "",
      wxrVersion: "",
      startedAt: (options.startedAt ?? now()).toISOString(),
      finishedAt: "",
      counts: { stories: newCounts(), sections: newCounts(), tags: newCounts(), bylines: newCounts(), photos: newCounts(), redirects: 0 },
      statuses: {},
      rules: [NESTED_CATEGORY_RULE],
      sections: [],
      skipped: [],
      warnings: [],
      more: { skipped: 0, warnings: 0 },
    };
    for (const w of options.earlier?.warnings ?? [])
      if (ITEM_KINDS.includes(w.kind)) addWarning(this.report, w.kind, w.id, w.title, w.message);
    this.report.more.warnings += options.earlier?.more?.warnings ?? 0;
  }

  private skip(kind: string, id: string, title: string, reason: string) {
    if (this.report.skipped.length < LIST_CAP) this.report.skipped.push({ kind, id, title: title.slice(0, 200), reason });
    else this.report.more.skipped++;
  }

  private warn(kind: string, id: string, title: string, message: string) {
    addWarning(this.report, kind, id, title, message);
  }

  /** Tells the caller how far the import is, with its report so far (the admin screen keeps it). */
  private async tell(phase: ImportProgress["phase"]) {
    await this.options.onProgress?.({ phase, processed: this.processed, stories: this.report.counts.stories.created, report: this.report });
  }

  private async progress(phase: ImportProgress["phase"]) {
    this.processed++;
    // A turn for the server's requests (it runs in a server process): its posts awaited nothing
    // but the export's next 256 KB, and a page asked for meanwhile waited for hundreds of them.
    await takeTurn();
    await this.tell(phase);
    await this.checkStop();
  }

  /** Whether someone asked the import to stop; it then stops before its next item (each item is whole, in its own transaction). */
  private async checkStop(): Promise<boolean> {
    this.stoppedBy ??= (await this.options.stopRequested?.()) ?? null;
    return this.stoppedBy !== null;
  }

  /**
   * Whether a run not resumed stops before its next byline or term: one asked to stop while it
   * writes a site's thousands of tags stopped only at its first photo. A resumed run goes on through
   * them, as through the posts its first try went through.
   */
  private async stopsBeforeNext(): Promise<boolean> {
    return !this.options.resumed && (await this.checkStop());
  }

  /**
   * What an earlier try of this run did to an item it finds unchanged (a try resumed after a
   * restart): "created" or "updated" when the item's mapping row was written since the run began,
   * by a try before this one. Without it, a resumed run reported only what it did itself.
   */
  private earlier(mapping: { kind: string; externalId: string; createdAt: Date; updatedAt: Date }): "created" | "updated" | null {
    const since = this.options.startedAt;
    if (!since || mapping.updatedAt < since || this.written.has(`${mapping.kind}:${mapping.externalId}`)) return null;
    this.written.add(`${mapping.kind}:${mapping.externalId}`);
    return mapping.createdAt >= since ? "created" : "updated";
  }

  async execute(): Promise<ImportReport> {
    if (this.options.uploadsDir) {
      const stat = await fs.stat(this.options.uploadsDir).catch(() => null);
      if (!stat?.isDirectory()) throw new AppError("invalid", `The uploads folder ${this.options.uploadsDir} does not exist.`);
    }
    await this.readFirstPass();
    if (!this.source) throw new AppError("invalid", "This WordPress export names no site (wp:base_site_url); it cannot be imported.");
    // Cancelled before it began (while it waited, or while its uploads were unpacked): nothing is
    // written. A run an earlier try began goes on to its end instead, counting what that try
    // imported and writing no more: that is reported, audited and shown to readers (every list is
    // expired).
    if ((await this.checkStop()) && !this.options.resumed) {
      this.report.finishedAt = this.now().toISOString();
      this.report.cancelled = { by: this.stoppedBy!, after: 0, of: this.posts };
      return this.report;
    }
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: this.actor.id,
        action: "import.wordpress.start",
        entityType: "Import",
        entityId: this.source,
        data: { file: this.options.file.split("/").pop(), wxrVersion: this.wxrVersion },
      }),
    );
    await this.writeBylines();
    await this.tell("reading");
    await this.writeTerms();
    await this.tell("reading");
    await this.writePhotos();
    if (!this.stoppedBy || this.options.resumed) await this.writeStories();
    else this.cutShort = true;
    if (this.cutShort) this.report.cancelled = { by: this.stoppedBy!, after: this.postsDone, of: this.posts };
    // Every old address of this site Dateline keeps, this run's and earlier runs' alike: a second run
    // of the same file finds them all in place (it saves none anew), and they all still answer.
    this.report.counts.redirects = await db.pathRedirect.count({ where: { source: this.source } });
    if (this.heldAddresses.size) {
      const paths = [...this.heldAddresses.keys()];
      const sites = [...new Set(this.heldAddresses.values())];
      this.warn(
        "site",
        this.source,
        "Old addresses",
        `${paths.length === 1 ? "One old address" : `${paths.length} old addresses`} of this site (${paths.slice(0, 5).join(", ")}${
          paths.length > 5 ? ", …" : ""
        }) already led to ${andList(sites)}'s stories, pages or photos, imported before, and still ${paths.length === 1 ? "does" : "do"}: addresses carry no host here.`,
      );
    }
    // A cancel asked for after the last item is too late: the import is done, and says so.
    const tooLate = this.cutShort ? null : (this.stoppedBy ?? (await this.options.stopRequested?.()) ?? null);
    if (tooLate) noteCancelTooLate(this.report, tooLate);
    this.report.finishedAt = this.now().toISOString();
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: this.actor.id,
        action: "import.wordpress.finish",
        entityType: "Import",
        entityId: this.source,
        data: {
          counts: this.report.counts,
          skipped: this.report.skipped.length + this.report.more.skipped,
          ...(this.report.cancelled ? { cancelled: this.report.cancelled } : {}),
          ...(tooLate ? { cancelledTooLate: tooLate } : {}),
        },
      }),
    );
    // Every public list may show imported stories: expire them all, in every server process.
    expireEverything(() => {});
    await this.tell("done");
    return this.report;
  }

  // --- pass 1: site, bylines, terms, photos' metadata -------------------------------------

  private async readFirstPass() {
    for await (const event of readWxr(this.options.file)) {
      if (event.type === "site") {
        const version = event.wxrVersion;
        this.wxrVersion = version;
        this.baseUrls = [event.baseSiteUrl, event.baseBlogUrl].filter(Boolean);
        this.source = (event.baseBlogUrl || event.baseSiteUrl).replace(/\/+$/, "");
        this.report.source = this.source;
        this.report.wxrVersion = version;
        const ours = (await readSiteSettings()).language;
        this.siteLanguage = ours;
        this.language = incomingLanguage(event.language, ours);
        if (this.language) {
          const name = languageName(this.language) ?? this.language;
          this.warn(
            "export",
            "",
            "",
            `The WordPress site is in ${name} (${this.language}), not in this site's ${languageName(ours) ?? ours} (${ours}): its stories are in ${name} here.`,
          );
        }
        if (version && !["1.0", "1.1", "1.2"].includes(version))
          this.warn("export", "", "", `WXR version ${version} is newer than this importer knows (1.0–1.2); it was read as 1.2.`);
      } else if (event.type === "author") {
        if (event.author.login) this.authors.set(event.author.login, event.author);
      } else if (event.type === "term") {
        const term = event.term;
        if (!term.slug) continue;
        if (term.taxonomy === "category") this.categories.set(term.slug, term);
        else if (term.taxonomy === "post_tag") this.tagTerms.set(term.slug, term);
        else if (term.taxonomy === "author") continue;
      } else if (event.type === "item") {
        const item = event.item;
        if (item.postType === "post") this.posts++;
        if (item.postType === "attachment") this.collectAttachment(item);
        else if (item.postType === "guest-author") this.collectGuest(item);
        // Terms a partial export names only on its posts.
        for (const ref of item.categories) {
          if (ref.domain === "category" && ref.nicename && !this.categories.has(ref.nicename))
            this.categories.set(ref.nicename, {
              taxonomy: "category",
              id: "",
              slug: ref.nicename,
              parent: "",
              name: ref.name,
              description: "",
            });
          if (ref.domain === "post_tag" && ref.nicename && !this.tagTerms.has(ref.nicename))
            this.tagTerms.set(ref.nicename, {
              taxonomy: "post_tag",
              id: "",
              slug: ref.nicename,
              parent: "",
              name: ref.name,
              description: "",
            });
        }
      }
    }
  }

  private collectAttachment(item: WxrItem) {
    const file = uploadsRelativePath(item.meta._wp_attached_file ?? "", item.attachmentUrl);
    const attachment: Attachment = {
      id: item.postId,
      title: htmlToText(item.title),
      url: item.attachmentUrl,
      file,
      parent: item.postParent,
      link: item.link,
      caption: htmlToText(item.excerpt),
      alt: (item.meta._wp_attachment_image_alt ?? "").trim(),
      credit: photoCredit(item.meta),
      copyright: photoCopyright(item.meta),
      hash: "",
    };
    attachment.hash = hash(attachment);
    this.attachments.set(item.postId, attachment);
    if (file) this.attachmentByFile.set(file.toLowerCase(), item.postId);
    if (item.postParent && item.postParent !== "0") {
      const list = this.attachmentsByParent.get(item.postParent) ?? [];
      list.push(item.postId);
      this.attachmentsByParent.set(item.postParent, list);
    }
  }

  private collectGuest(item: WxrItem) {
    const login = (item.meta["cap-user_login"] ?? item.postName).trim();
    const name = htmlToText(item.meta["cap-display_name"] ?? item.title);
    if (!login || !name) return;
    this.guests.set(login, { id: item.postId, login, name, bio: htmlToText(item.meta["cap-description"] ?? "") });
  }

  // --- mapping rows --------------------------------------------------------------------------

  private async mapping(kind: string, externalId: string) {
    return db.importMapping.findUnique({ where: { source_kind_externalId: { source: this.source, kind, externalId } } });
  }

  private async saveMapping(tx: Tx, kind: string, externalId: string, entityType: string, entityId: string, contentHash: string) {
    await tx.importMapping.upsert({
      where: { source_kind_externalId: { source: this.source, kind, externalId } },
      create: { source: this.source, kind, externalId, entityType, entityId, contentHash },
      update: { entityType, entityId, contentHash },
    });
    this.written.add(`${kind}:${externalId}`);
  }

  /**
   * A photo's file and, when WordPress stored a big or turned photo as `x-scaled.jpg` or
   * `x-rotated.jpg` (the export's address then), the original `x.jpg` it kept, whose name its
   * smaller copies (`x-300x200.jpg`) carry.
   */
  private async savePhotoAddresses(tx: Tx, url: string, imageId: string) {
    const target = { entityType: "Image" as const, entityId: imageId };
    await this.saveRedirect(tx, url, target);
    const original = url.replace(/-(?:scaled|rotated)(\.[a-z0-9]+)$/i, "$1");
    // Not when another attachment of the export is that file: the address is that photo's.
    const originalFile = original.slice(original.lastIndexOf("/wp-content/uploads/") + "/wp-content/uploads/".length).toLowerCase();
    if (original !== url && !this.attachmentByFile.has(originalFile)) await this.saveRedirect(tx, original, target);
  }

  private async saveRedirect(tx: Tx, url: string, target: RedirectTarget) {
    const path = oldSitePath(url, this.baseUrls);
    const held = path ? await saveOldPath(tx, path, target, this.source) : null;
    if (held) this.heldAddresses.set(path!, held.takenBy);
  }

  // --- bylines -------------------------------------------------------------------------------

  private async writeBylines() {
    const people: { key: string; kind: "author" | "guest-author"; name: string; bio: string; wpUser?: WxrAuthor }[] = [
      ...[...this.authors.values()].map((a) => ({
        key: a.login,
        kind: "author" as const,
        name: htmlToText(a.displayName || [a.firstName, a.lastName].filter(Boolean).join(" ") || a.login),
        bio: "",
        wpUser: a,
      })),
      ...[...this.guests.values()].map((g) => ({ key: g.login, kind: "guest-author" as const, name: g.name, bio: g.bio })),
    ];
    for (const person of people) {
      // A turn for the server's requests at each (progress() takes it for photos and posts).
      await takeTurn();
      if (await this.stopsBeforeNext()) return;
      const name = person.name.slice(0, 120);
      const contentHash = hash(person);
      const existing = await this.mapping(person.kind, person.key);
      if (existing && (await db.author.findUnique({ where: { id: existing.entityId }, select: { id: true } }))) {
        this.bylineIds.set(`${person.kind}:${person.key}`, existing.entityId);
        if (existing.contentHash === contentHash) {
          this.report.counts.bylines[this.earlier(existing) ?? "unchanged"]++;
          continue;
        }
        await db.$transaction(async (tx) => {
          await tx.author.update({
            where: { id: existing.entityId },
            data: { name, ...(person.bio ? { bio: person.bio.slice(0, 2000) } : {}) },
          });
          await this.saveMapping(tx, person.kind, person.key, "Author", existing.entityId, contentHash);
          await recordAudit(tx, {
            actorId: this.actor.id,
            action: "author.update",
            entityType: "Author",
            entityId: existing.entityId,
            data: { importedFrom: this.source },
          });
        });
        this.report.counts.bylines.updated++;
        continue;
      }
      if (!name) {
        this.skip("byline", person.key, person.key, "It has no name.");
        this.report.counts.bylines.skipped++;
        continue;
      }
      const {
        id,
        matchedByName,
        account: accountOwner,
      } = await db.$transaction(async (tx) => {
        // A byline of the same address already here (someone who writes for both) is reused.
        const slug =
          slugifyAnyScript(safeDecode(person.key)) || slugifyAnyScript(name) || `byline-${crypto.randomBytes(3).toString("hex")}`;
        const same = await tx.author.findUnique({ where: { slug }, select: { id: true, name: true, user: { select: { name: true } } } });
        const bySlug = same && same.name.toLowerCase() === name.toLowerCase() ? same : null;
        // Else the one byline of that name here (the desk's "Ruth Marsh" at /authors/ruth-marsh is
        // WordPress's "rmarsh": a probe's import made a second one), unless a WordPress account,
        // of this import or another, is already its.
        const named = bySlug
          ? []
          : await tx.author.findMany({ where: { name }, select: { id: true, name: true, user: { select: { name: true } } }, take: 2 });
        const taken =
          named.length === 1 &&
          ([...this.bylineIds.values()].includes(named[0]!.id) ||
            (await tx.importMapping.count({ where: { entityType: "Author", entityId: named[0]!.id } })) > 0);
        const byName = named.length === 1 && !taken ? named[0]! : null;
        const author =
          bySlug ??
          byName ??
          (await tx.author.create({
            data: {
              name,
              slug: same ? `${slug}-${crypto.randomBytes(2).toString("hex")}` : slug,
              bio: person.bio ? person.bio.slice(0, 2000) : null,
            },
            select: { id: true, name: true, user: { select: { name: true } } },
          }));
        if (!bySlug && !byName)
          await recordAudit(tx, {
            actorId: this.actor.id,
            action: "author.create",
            entityType: "Author",
            entityId: author.id,
            data: { importedFrom: this.source },
          });
        await this.saveMapping(tx, person.kind, person.key, "Author", author.id, contentHash);
        await this.saveRedirect(tx, `/author/${person.key}/`, { entityType: "Author", entityId: author.id });
        if (person.wpUser?.id) await this.saveRedirect(tx, `/?author=${person.wpUser.id}`, { entityType: "Author", entityId: author.id });
        return { id: author.id, matchedByName: !!byName, account: bySlug || byName ? (author.user?.name ?? null) : null };
      });
      // A byline already here that is someone's desk account: its owner may now edit the imported
      // drafts, so the report says so, however it was matched (a probe's went by unremarked).
      const account = accountOwner ? ` That byline is the desk account of ${accountOwner}, who can now edit its imported drafts.` : "";
      if (matchedByName)
        this.warn(
          "byline",
          person.key,
          name,
          `It was matched by name to the byline “${name}” already here: its WordPress login “${person.key}” is not that byline's address.${account} If they are two people, make a byline for the WordPress author and move its stories to it.`,
        );
      else if (accountOwner)
        this.warn(
          "byline",
          person.key,
          name,
          `It was matched to the byline “${name}” already here (its address is the WordPress login “${person.key}”).${account} If they are two people, make a byline for the WordPress author and move its stories to it.`,
        );
      this.bylineIds.set(`${person.kind}:${person.key}`, id);
      this.report.counts.bylines.created++;
    }
  }

  // --- sections and tags ---------------------------------------------------------------------

  private topCategory(slug: string): WxrTerm | null {
    let term = this.categories.get(slug) ?? null;
    const seen = new Set<string>();
    while (term?.parent && this.categories.has(term.parent) && !seen.has(term.slug)) {
      seen.add(term.slug);
      term = this.categories.get(term.parent)!;
    }
    return term;
  }

  private categoryPath(slug: string): string {
    const parts: string[] = [];
    let term = this.categories.get(slug);
    const seen = new Set<string>();
    while (term && !seen.has(term.slug)) {
      seen.add(term.slug);
      parts.unshift(term.slug);
      term = term.parent ? this.categories.get(term.parent) : undefined;
    }
    return `/category/${parts.join("/")}/`;
  }

  private async writeTerms() {
    let position = ((await db.section.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1;
    for (const term of this.categories.values()) {
      await takeTurn();
      if (await this.stopsBeforeNext()) return;
      const top = this.topCategory(term.slug)!;
      const name = htmlToText(term.name).slice(0, 60) || term.slug;
      if (top.slug === term.slug) {
        const id = await this.writeSection(term, name, position);
        if (id) position++;
      } else {
        const id = await this.writeTag("category", term, name);
        if (id) this.categoryTagIds.set(term.slug, id);
        this.report.sections.push({
          category: this.categoryPath(term.slug),
          became: `the tag “${name}”, its posts in the section of “${top.name}”`,
        });
      }
    }
    for (const term of this.tagTerms.values()) {
      await takeTurn();
      if (await this.stopsBeforeNext()) return;
      const id = await this.writeTag("tag", term, htmlToText(term.name).slice(0, 60) || term.slug);
      if (id) this.tagIds.set(term.slug, id);
    }
  }

  private async writeSection(term: WxrTerm, name: string, position: number): Promise<string | null> {
    const contentHash = hash(term);
    const existing = await this.mapping("category", term.slug);
    const section = existing && (await db.section.findUnique({ where: { id: existing.entityId }, select: { createdAt: true } }));
    if (existing && section) {
      this.sectionIds.set(term.slug, existing.entityId);
      // Made by an earlier try of this run (not a section of the same name it took).
      const made = this.earlier(existing) === "created" && section.createdAt >= this.options.startedAt!;
      this.report.counts.sections[made ? "created" : "unchanged"]++;
      this.report.sections.push({ category: this.categoryPath(term.slug), became: `the section “${name}” (already imported)` });
      return null;
    }
    const base = slugifyAnyScript(safeDecode(term.slug)) || slugifyAnyScript(name) || "section";
    // "news", "tags", "search"… are the site's own addresses.
    const wanted = RESERVED_SECTION_SLUGS.includes(base) ? `${base}-section` : base;
    const { id, reused, slug } = await db.$transaction(async (tx) => {
      // A section of the same name is this one; another name that meets its address gets the next.
      const { slug, same } = await slugForName(name, wanted, (s) =>
        tx.section.findUnique({ where: { slug: s }, select: { id: true, name: true } }),
      );
      const section =
        same ??
        (await tx.section.create({
          data: { name, slug, description: htmlToText(term.description).slice(0, 300), position },
          select: { id: true },
        }));
      if (!same)
        await recordAudit(tx, {
          actorId: this.actor.id,
          action: "section.create",
          entityType: "Section",
          entityId: section.id,
          data: { slug, importedFrom: this.source },
        });
      await this.saveMapping(tx, "category", term.slug, "Section", section.id, contentHash);
      await this.saveRedirect(tx, this.categoryPath(term.slug), { entityType: "Section", entityId: section.id });
      if (term.id) await this.saveRedirect(tx, `/?cat=${term.id}`, { entityType: "Section", entityId: section.id });
      return { id: section.id, reused: !!same, slug };
    });
    this.sectionIds.set(term.slug, id);
    this.report.counts.sections[reused ? "unchanged" : "created"]++;
    this.report.sections.push({
      category: this.categoryPath(term.slug),
      became: `${reused ? "the existing section" : "the section"} “${name}” at /${slug}${
        wanted !== base ? ` (/${base} is one of the site's own addresses)` : slug !== wanted ? ` (/${wanted} is another section's)` : ""
      }`,
    });
    return id;
  }

  private async writeTag(kind: "category" | "tag", term: WxrTerm, name: string): Promise<string | null> {
    const existing = await this.mapping(kind, term.slug);
    const tag = existing && (await db.tag.findUnique({ where: { id: existing.entityId }, select: { createdAt: true } }));
    if (existing && tag) {
      const made = this.earlier(existing) === "created" && tag.createdAt >= this.options.startedAt!;
      this.report.counts.tags[made ? "created" : "unchanged"]++;
      return existing.entityId;
    }
    const base = slugifyAnyScript(safeDecode(term.slug)) || slugifyAnyScript(name);
    if (!base) {
      this.skip(kind, term.slug, name, "Its name gives no address.");
      this.report.counts.tags.skipped++;
      return null;
    }
    const { id, reused } = await db.$transaction(async (tx) => {
      const { slug, same } = await slugForName(name, base, (s) =>
        tx.tag.findUnique({ where: { slug: s }, select: { id: true, name: true } }),
      );
      const tag = same ?? (await tx.tag.create({ data: { name, slug }, select: { id: true } }));
      if (!same)
        await recordAudit(tx, {
          actorId: this.actor.id,
          action: "tag.create",
          entityType: "Tag",
          entityId: tag.id,
          data: { importedFrom: this.source },
        });
      await this.saveMapping(tx, kind, term.slug, "Tag", tag.id, hash(term));
      const target = { entityType: "Tag" as const, entityId: tag.id };
      if (kind === "tag") {
        await this.saveRedirect(tx, `/tag/${term.slug}/`, target);
        await this.saveRedirect(tx, `/?tag=${term.slug}`, target);
      } else {
        await this.saveRedirect(tx, this.categoryPath(term.slug), target);
        if (term.id) await this.saveRedirect(tx, `/?cat=${term.id}`, target);
      }
      return { id: tag.id, reused: !!same };
    });
    this.report.counts.tags[reused ? "unchanged" : "created"]++;
    return id;
  }

  // --- photos --------------------------------------------------------------------------------

  private async readUpload(relative: string): Promise<{ data: Buffer; file: string } | null> {
    if (!this.options.uploadsDir) return null;
    return readFileInside(this.options.uploadsDir, relative, { maxBytes: env.DATELINE_MAX_UPLOAD_MB * 1_000_000 });
  }

  private async writePhotos() {
    for (const attachment of this.attachments.values()) {
      // As for the posts (writeStories): a restarted run asked to stop counts its first try's photos.
      if (this.stoppedBy && !(await this.writesNothing("attachment", attachment.id, attachment.hash, !isPhotoFile(attachment)))) {
        this.cutShort = true;
        return;
      }
      const id = await this.writePhoto(attachment);
      // Its file's old address (and with it WordPress's smaller copies) leads to the photo: other
      // sites, newsletters and search engines' image results link the file itself.
      if (id) await db.$transaction((tx) => this.savePhotoAddresses(tx, attachment.url, id));
      await this.progress("photos");
    }
  }

  /** One attachment → a library photo (the same file twice is one photo). Returns its id. */
  private async writePhoto(attachment: Attachment): Promise<string | null> {
    const existing = await this.mapping("attachment", attachment.id);
    const image = existing && (await db.image.findUnique({ where: { id: existing.entityId }, select: { id: true, updatedAt: true } }));
    if (existing && image) {
      this.photoIds.set(attachment.id, existing.entityId);
      if (existing.contentHash === attachment.hash) {
        this.report.counts.photos[this.earlier(existing) ?? "unchanged"]++;
        return existing.entityId;
      }
      // As for a story: the desk's details (a credit, alt text a live story needs) are not overwritten.
      if (image.updatedAt.getTime() > existing.updatedAt.getTime()) {
        this.skip(
          "photo",
          attachment.id,
          attachment.title,
          "It was changed in Dateline since the last import, so the export did not overwrite it.",
        );
        this.report.counts.photos.skipped++;
        return existing.entityId;
      }
    }
    if (!isPhotoFile(attachment)) {
      this.skip("photo", attachment.id, attachment.title, "It is not a photo (Dateline's library holds JPEG, PNG, GIF, WebP and AVIF).");
      this.report.counts.photos.skipped++;
      return null;
    }
    const fields = imageMetadataSchema.safeParse({
      altText: attachment.alt.slice(0, 500),
      caption: attachment.caption.slice(0, 2000),
      credit: attachment.credit.slice(0, 200),
      copyright: attachment.copyright.slice(0, 300),
    });
    if (!fields.success) {
      this.skip("photo", attachment.id, attachment.title, fields.error.issues.map((i) => i.message).join(" "));
      this.report.counts.photos.skipped++;
      return null;
    }
    if (existing && image) {
      await db.$transaction(async (tx) => {
        await tx.image.update({
          where: { id: existing.entityId },
          data: {
            altText: fields.data.altText,
            caption: fields.data.caption,
            credit: fields.data.credit,
            copyright: fields.data.copyright,
          },
        });
        await this.saveMapping(tx, "attachment", attachment.id, "Image", existing.entityId, attachment.hash);
        await recordAudit(tx, {
          actorId: this.actor.id,
          action: "image.update",
          entityType: "Image",
          entityId: existing.entityId,
          data: { importedFrom: this.source },
        });
      });
      this.report.counts.photos.updated++;
      return existing.entityId;
    }
    const upload = attachment.file ? await this.readUpload(attachment.file) : null;
    if (!upload) {
      this.skip(
        "photo",
        attachment.id,
        attachment.title,
        this.options.uploadsDir
          ? `Its file (${(attachment.file ?? attachment.url).slice(0, 200)}) is not in the uploads folder.`
          : "No uploads folder was given (--uploads).",
      );
      this.report.counts.photos.skipped++;
      return null;
    }
    let created;
    try {
      created = await createImage(this.actor, upload.data, fields.data, attachment.file!.split("/").pop());
    } catch (error) {
      this.skip(
        "photo",
        attachment.id,
        attachment.title,
        error instanceof AppError ? error.message : "Its file could not be read as a photo.",
      );
      this.report.counts.photos.skipped++;
      return null;
    }
    await db.$transaction(async (tx) => {
      // The same file uploaded before: its own words are kept, the export's fill what is empty.
      if (created.existing) {
        const current = await tx.image.findUniqueOrThrow({
          where: { id: created.id },
          select: { altText: true, caption: true, credit: true },
        });
        await tx.image.update({
          where: { id: created.id },
          data: {
            altText: current.altText || fields.data.altText,
            caption: current.caption || fields.data.caption,
            credit: current.credit || fields.data.credit,
          },
        });
      }
      await this.saveMapping(tx, "attachment", attachment.id, "Image", created.id, attachment.hash);
    });
    this.photoIds.set(attachment.id, created.id);
    if (attachment.file) this.filePhotoIds.set(attachment.file.toLowerCase(), created.id);
    this.report.counts.photos.created++;
    if (!fields.data.altText) this.warn("photo", attachment.id, attachment.title, "It has no alt text.");
    if (!fields.data.credit) this.warn("photo", attachment.id, attachment.title, "It has no credit.");
    return created.id;
  }

  /** A photo inside a post's body: by its wp-image-<id> class, else by its file, else the file from the uploads folder. */
  private async bodyPhoto(src: string, attachmentId: string | null): Promise<ResolvedPhoto | null> {
    let id = attachmentId ? this.photoIds.get(attachmentId) : undefined;
    const rel = bodyPhotoRelativePath(src);
    if (!id && rel) {
      for (const candidate of [rel.exact, rel.original]) {
        const byFile = this.attachmentByFile.get(candidate.toLowerCase());
        if (byFile && this.photoIds.has(byFile)) {
          id = this.photoIds.get(byFile);
          break;
        }
        const known = this.filePhotoIds.get(candidate.toLowerCase());
        if (known) {
          id = known;
          break;
        }
      }
      if (!id) {
        // Not an attachment of the export: the file itself, from the uploads folder.
        for (const candidate of [rel.original, rel.exact]) {
          const mapped = await this.mapping("upload-file", candidate.toLowerCase());
          if (mapped && (await db.image.findUnique({ where: { id: mapped.entityId }, select: { id: true } }))) {
            id = mapped.entityId;
            if (this.earlier(mapped) === "created") this.report.counts.photos.created++;
            break;
          }
          const upload = await this.readUpload(candidate);
          if (!upload) continue;
          try {
            const created = await createImage(this.actor, upload.data, {}, candidate.split("/").pop());
            await db.$transaction((tx) => this.saveMapping(tx, "upload-file", candidate.toLowerCase(), "Image", created.id, ""));
            id = created.id;
            this.report.counts.photos.created++;
            this.warn("photo", candidate, candidate, "A photo found only in a post's body was imported without alt text or credit.");
          } catch {
            continue;
          }
          break;
        }
        if (id) this.filePhotoIds.set(rel.exact.toLowerCase(), id);
      }
    }
    // The library photo carries the attachment's caption, credit and alt text; the body keeps only its own.
    return id ? { imageId: id } : null;
  }

  // --- stories -------------------------------------------------------------------------------

  private async writeStories() {
    for await (const event of readWxr(this.options.file)) {
      if (event.type !== "item") continue;
      const item = event.item;
      if (item.postType === "attachment") {
        continue;
      }
      if (item.postType !== "post") {
        if (item.postType === "page")
          this.skip("page", item.postId, htmlToText(item.title), "Dateline has no pages; copy it into a story by hand if it should stay.");
        else if (
          item.postType &&
          ![
            "guest-author",
            "nav_menu_item",
            "revision",
            "wp_navigation",
            "wp_global_styles",
            "wp_template",
            "wp_template_part",
            "custom_css",
            "customize_changeset",
            "oembed_cache",
            "wp_block",
            "user_request",
          ].includes(item.postType)
        )
          this.skip(item.postType, item.postId, htmlToText(item.title), `Posts of type “${item.postType}” are not imported.`);
        continue;
      }
      // A restarted run asked to stop goes on through the posts its first try went through, which it
      // only counts (so its report says what the run did), and stops at the first it would write.
      if (this.stoppedBy && !(await this.writesNothing("post", item.postId, hash(item), !STATUS_RULES[item.status]?.to))) {
        this.cutShort = true;
        return;
      }
      this.postsDone++;
      try {
        await this.writeStory(item);
      } catch (error) {
        const message = error instanceof AppError ? describe(error) : "It could not be written.";
        if (!(error instanceof AppError)) throw error;
        this.skip("story", item.postId, htmlToText(item.title), message);
        this.report.counts.stories.skipped++;
      }
      await this.progress("stories");
    }
  }

  /**
   * Whether a restarted run would write nothing for the post or photo: it is imported as the export
   * has it now (by the first try or an earlier run, and still here), or it is skipped (`skipped`: a
   * post in the trash, an attachment that is no photo). It is then only counted, as the first try did.
   */
  private async writesNothing(kind: "post" | "attachment", externalId: string, contentHash: string, skipped: boolean): Promise<boolean> {
    if (!this.options.resumed) return false;
    if (skipped) return true;
    const mapped = await this.mapping(kind, externalId);
    if (!mapped || mapped.contentHash !== contentHash) return false;
    const where = { where: { id: mapped.entityId } };
    return (kind === "post" ? await db.article.count(where) : await db.image.count(where)) > 0;
  }

  private countStatus(status: string) {
    const rule = STATUS_RULES[status];
    const entry = (this.report.statuses[status] ??= { count: 0, became: rule?.says ?? "skipped (an unknown status)" });
    entry.count++;
  }

  private async writeStory(item: WxrItem) {
    const named = htmlToText(item.title);
    // What the report calls it until its headline is known (a post may have no title).
    let title = named || `Post ${item.postId}, with no title`;
    this.countStatus(item.status);
    const rule = STATUS_RULES[item.status];
    if (!rule?.to) {
      const why = rule ? `Its WordPress status is “${item.status}”: ${rule.says}.` : `Its WordPress status “${item.status}” is unknown.`;
      // A post imported before and trashed in WordPress since: an import never takes a story
      // down, so the report says when readers still see it (a probe's trashed post stayed live, "skipped").
      const before = await this.mapping("post", item.postId);
      const story = before
        ? await db.article.findFirst({
            where: { id: before.entityId, status: { in: [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED] } },
            select: { status: true },
          })
        : null;
      const still = story?.status === ArticleStatus.PUBLISHED ? "live" : "scheduled";
      this.skip(
        "story",
        item.postId,
        title,
        story ? `${why} Its story here, from an earlier import, is still ${still}: unpublish it on the desk if it should go too.` : why,
      );
      this.report.counts.stories.skipped++;
      return;
    }
    const contentHash = hash(item);
    const mapped = await this.mapping("post", item.postId);
    const current = mapped
      ? await db.article.findUnique({
          where: { id: mapped.entityId },
          select: { id: true, slug: true, headline: true, status: true, updatedAt: true, version: true },
        })
      : null;
    if (mapped && current && mapped.contentHash === contentHash) {
      this.report.counts.stories[this.earlier(mapped) ?? "unchanged"]++;
      return;
    }
    // The mapping row is written last in the story's transaction: a later change is someone else's.
    if (mapped && current && current.updatedAt.getTime() > mapped.updatedAt.getTime()) {
      // Unless another import of this site wrote it between the two reads above: its mapping, read
      // again, is then as new as the story. Nothing is written on that word, so servers' clocks
      // apart can change only which sentence the report says.
      const latest = await this.mapping("post", item.postId);
      if (latest && latest.updatedAt > mapped.updatedAt && current.updatedAt <= latest.updatedAt) {
        this.writtenMeanwhile(latest, contentHash, item.postId, title);
        return;
      }
      this.skip("story", item.postId, title, "It was changed in Dateline since the last import, so the export did not overwrite it.");
      this.report.counts.stories.skipped++;
      return;
    }

    // Photos first (outside the story's transaction: files are written before rows).
    const photos = new Map<string, ResolvedPhoto>();
    for (const ref of photoRefs(item.content, item.meta.footnotes)) {
      if (photos.has(ref.src)) continue;
      const photo = await this.bodyPhoto(ref.src, ref.attachmentId);
      if (photo) photos.set(ref.src, photo);
    }
    // A multilingual site's post (Polylang: a "language" term) is in its own language; the
    // channel's is only the site's default.
    const postLanguage = item.categories.find((c) => c.domain === "language")?.nicename;
    const language = postLanguage ? incomingLanguage(postLanguage, this.siteLanguage) : this.language;
    const { doc, notes } = convertContent(item.content, {
      baseUrl: this.baseUrls[0] ?? "",
      photos,
      wordpress: true,
      footnotes: item.meta.footnotes,
      language: language ?? this.siteLanguage,
    });
    const heading = importedHeadline(named, doc, item.postId);
    title = heading.headline;
    for (const note of notes) this.warn("story", item.postId, title, note);

    const categories = item.categories.filter((c) => c.domain === "category");
    const primaryId = item.meta._yoast_wpseo_primary_category?.trim();
    // Without Yoast's primary, the first category that is not WordPress's default: a post left in
    // "Uncategorized" when it was given a section of its own went there (it came first).
    const chosen = categories.find((c) => !DEFAULT_CATEGORIES.includes(c.nicename)) ?? categories[0];
    const primary = (primaryId && [...this.categories.values()].find((t) => t.id === primaryId)?.slug) || chosen?.nicename;
    const top = primary ? this.topCategory(primary) : null;
    const sectionId = top ? (this.sectionIds.get(top.slug) ?? null) : null;
    const tagIds = [
      ...item.categories.filter((c) => c.domain === "post_tag").map((c) => this.tagIds.get(c.nicename)),
      ...categories.map((c) => this.categoryTagIds.get(c.nicename)),
    ].filter((id): id is string => !!id);
    const others = categories.filter((c) => this.topCategory(c.nicename)?.slug !== top?.slug && this.sectionIds.has(c.nicename));
    // Being also in the default category is what WordPress does, not a choice to check.
    for (const extra of others.filter((c) => !DEFAULT_CATEGORIES.includes(c.nicename)))
      this.warn(
        "story",
        item.postId,
        title,
        `It was also in the category “${extra.name}”; a story has one section, so it is in “${top?.name ?? ""}”.`,
      );

    // Bylines: Co-Authors Plus's author terms in their order, else the post's author.
    const coAuthors = item.categories
      .filter((c) => c.domain === "author")
      .map((c) => (c.nicename.startsWith("cap-") ? c.nicename.slice(4) : c.name));
    const logins = coAuthors.length ? coAuthors : [item.creator];
    const authorIds: string[] = [];
    for (const login of logins) {
      const id = this.bylineIds.get(`guest-author:${login}`) ?? this.bylineIds.get(`author:${login}`);
      if (id) authorIds.push(id);
      else if (login)
        this.warn("story", item.postId, title, `Its byline “${login.slice(0, 100)}” is not among the export's authors and was left off.`);
    }

    let heroId: string | null = null;
    const thumb = item.meta._thumbnail_id?.trim();
    if (thumb) {
      heroId = this.photoIds.get(thumb) ?? null;
      if (!heroId) this.warn("story", item.postId, title, "Its featured photo could not be imported (see the photos skipped).");
    }

    // Counted as the schema counts it: as stored, without the empty lines a save drops.
    let dek = normalizeDek(htmlToText(item.excerpt));
    if (dek.length > 500) {
      this.warn("story", item.postId, title, "Its excerpt was longer than 500 characters and was shortened for the dek.");
      dek = shortenAtWord(dek, 500);
    }
    const seoDescription = (item.meta._yoast_wpseo_metadesc ?? "").trim().slice(0, 320) || null;
    // A story imported before keeps its address (links to it are out there); a new one gets the post's.
    const slug = current ? current.slug : await this.freeSlug(storySlug(item), item.postId, null);
    const parsed = createArticleSchema.safeParse({
      // A headline made here does not replace the one the desk has given the story since.
      headline: current && heading.note ? current.headline : heading.headline,
      slug,
      dek,
      dateline: "",
      sectionId,
      authorIds: [...new Set(authorIds)].slice(0, 20),
      tagIds: [...new Set(tagIds)].slice(0, 30),
      body: doc,
      seoDescription,
      language,
      sources: [],
      hero: heroId ? { imageId: heroId } : null,
    });
    if (!parsed.success) {
      this.skip("story", item.postId, title, parsed.error.issues.map((i) => `${i.path.join(".") || "story"}: ${i.message}`).join(" "));
      this.report.counts.stories.skipped++;
      return;
    }
    const data = parsed.data;
    const { published, modified, guessed } = postDates(item);
    if (guessed) this.warn("story", item.postId, title, "Its export has no UTC date; its local date was read as UTC.");
    const now = this.now();
    let target = rule.to;
    if (target === ArticleStatus.SCHEDULED && (!published || published <= now)) {
      this.warn("story", item.postId, title, "It was scheduled in WordPress for a time that has passed; it is a draft here.");
      target = ArticleStatus.DRAFT;
    }
    // A headline made here (no title, or one too long) is the desk's to write before it goes live.
    const goesLive = target === ArticleStatus.PUBLISHED || target === ArticleStatus.SCHEDULED;
    if (heading.note) this.warn("story", item.postId, title, `${heading.note}${goesLive ? " It is a draft here." : ""}`);
    if (heading.note && goesLive) target = ArticleStatus.DRAFT;
    if (target === ArticleStatus.PUBLISHED && !published) {
      this.warn("story", item.postId, title, "It has no publication date; it went live at the time of the import.");
    }

    const writeIn = async (tx: Tx) => {
      await assertReferencesExist(tx, data);
      let id: string;
      let status: ArticleStatus;
      let scheduledFor: Date | null = null;
      if (current) {
        id = current.id;
        // Claimed by the version read above, as the desk's saves claim it: a save since (its photos
        // took a while) leaves it alone, and one racing this transaction on PostgreSQL waits for it,
        // then finds the version gone. Read and then written, both could write the next version.
        const taken = await claimVersion(tx, id, current.version, {}).then(
          () => false,
          (error: unknown) => {
            if (error instanceof AppError && (error.code === "conflict" || error.code === "not_found")) return true;
            throw error;
          },
        );
        if (taken) {
          // Written since by another import of this site, and not saved on the desk after it: that
          // import's story stands (three at once on PostgreSQL told two admins the desk had changed it).
          const saved = await tx.article.findUnique({ where: { id }, select: { updatedAt: true } });
          const meanwhile = await tx.importMapping.findUnique({
            where: { source_kind_externalId: { source: this.source, kind: "post", externalId: item.postId } },
          });
          if (saved && meanwhile && mapped && meanwhile.updatedAt > mapped.updatedAt && saved.updatedAt <= meanwhile.updatedAt)
            return { warnings: [], created: false, meanwhile };
          // Saved on the desk since (or deleted): the desk's save stands.
          return null;
        }
        const fresh = await tx.article.findUniqueOrThrow({
          where: { id },
          select: { status: true, sectionId: true, scheduledFor: true },
        });
        await recordFeedDepartures(tx, fresh, { status: fresh.status, sectionId: data.sectionId ?? null });
        await clearRelations(tx, id);
        await tx.article.update({
          where: { id },
          data: {
            ...articleColumns(data),
            updatedById: this.actor.id,
            lastSaveId: null,
            ...relationCreates(data),
          },
        });
        status = fresh.status;
        scheduledFor = fresh.scheduledFor;
        await writeRevision(tx, id, this.actor.id, "Updated by the WordPress import");
        await recordAudit(tx, {
          actorId: this.actor.id,
          action: "article.update",
          entityType: "Article",
          entityId: id,
          data: { importedFrom: this.source, wordpressId: item.postId },
        });
      } else {
        // Imported meanwhile by another import of this site (two admins' uploads of one export, or
        // a runner whose lease was taken over): that story is the post's, and a second is a copy.
        // On PostgreSQL both may look before either writes; the unique slug then refuses the later
        // create, and its next try (below) finds the mapping here.
        const meanwhile = await tx.importMapping.findUnique({
          where: { source_kind_externalId: { source: this.source, kind: "post", externalId: item.postId } },
        });
        if (meanwhile && meanwhile.entityId !== mapped?.entityId && (await tx.article.count({ where: { id: meanwhile.entityId } })))
          return { warnings: [], created: false, meanwhile };
        const created = await tx.article.create({
          data: {
            ...articleColumns(data),
            createdById: this.actor.id,
            updatedById: this.actor.id,
            createdAt: published ?? now,
            ...relationCreates(data),
          },
          select: { id: true },
        });
        id = created.id;
        status = ArticleStatus.DRAFT;
        await writeRevision(tx, id, this.actor.id, "Imported from WordPress");
        await recordAudit(tx, {
          actorId: this.actor.id,
          action: "article.create",
          entityType: "Article",
          entityId: id,
          data: { slug: data.slug, importedFrom: this.source, wordpressId: item.postId },
        });
      }
      const warnings: string[] = [];
      // A post WordPress will publish at another time now: its story, still scheduled and unchanged
      // on the desk since the last import (or it would not be updated), is scheduled again for then.
      const rescheduled =
        status === ArticleStatus.SCHEDULED && target === ArticleStatus.SCHEDULED && scheduledFor?.getTime() !== published?.getTime();
      // A story scheduled here that the post's export now makes a draft (its time has passed in
      // WordPress, or its headline is to be written here) or sends back for review ("pending") is
      // unscheduled, as the report says: it would otherwise go live at a time WordPress no longer holds.
      const unscheduled = status === ArticleStatus.SCHEDULED && (target === ArticleStatus.DRAFT || target === ArticleStatus.IN_REVIEW);
      // `reason`: a story this admin did not write goes back to its writer with it (a return needs a note).
      const move = (to: ArticleStatus, reason?: string) =>
        tx.article.findUniqueOrThrow({ where: { id }, select: moveSelect }).then((story) =>
          moveStory(
            tx,
            story,
            {
              to,
              actor: this.actor,
              by: "wordpress-import",
              scheduledFor: to === ArticleStatus.SCHEDULED ? published : null,
              ...(reason ? { reason } : {}),
              ...(to === ArticleStatus.PUBLISHED ? { imported: { publishedAt: published ?? now, modifiedAt: modified } } : {}),
            },
            now,
          ),
        );
      if ((status !== target && target !== ArticleStatus.DRAFT && TRANSITIONS[status][target]) || rescheduled) {
        // A post that cannot go live here (no text, say) is kept as a draft that says what it needs:
        // the refusal comes before the move writes anything, so the transaction goes on.
        try {
          const moved = await move(target);
          warnings.push(...moved.warnings.map((w) => `Published without ${w}.`));
        } catch (error) {
          const problems = error instanceof AppError ? error.details?.problems : null;
          if (!Array.isArray(problems)) throw error;
          const needs = andList(problems.map(String));
          // Scheduled here, and refused the move WordPress asks for (a new time, or publishing now):
          // not left to go live at the earlier time.
          if (status === ArticleStatus.SCHEDULED)
            await move(ArticleStatus.DRAFT, `The WordPress import made it a draft: it cannot go live until it has ${needs}.`);
          warnings.push(`It was “${item.status}” in WordPress but cannot go live here until it has ${needs}. It is a draft here.`);
        }
      } else if (unscheduled && target === ArticleStatus.IN_REVIEW) {
        // Straight to review (through the drafts, its writer was told it was returned, then submitted).
        await move(ArticleStatus.IN_REVIEW);
        warnings.push("It is pending review in WordPress: it is in review here, off the schedule.");
      } else if (unscheduled) {
        await move(ArticleStatus.DRAFT, "The WordPress import made it a draft: WordPress no longer schedules it for a time to come.");
      } else if (status !== target && status === ArticleStatus.PUBLISHED) {
        warnings.push(`It is live here and “${item.status}” in WordPress; a re-import does not take it down.`);
      }
      const targetRef = { entityType: "Article" as const, entityId: id };
      await this.saveRedirect(tx, item.link, targetRef);
      await this.saveRedirect(tx, `/?p=${item.postId}`, targetRef);
      if (/[?&]p=\d+/.test(item.guid)) await this.saveRedirect(tx, item.guid, targetRef);
      for (const attachmentId of this.attachmentsByParent.get(item.postId) ?? []) {
        const attachment = this.attachments.get(attachmentId)!;
        await this.saveRedirect(tx, attachment.link, targetRef);
        await this.saveRedirect(tx, `/?attachment_id=${attachmentId}`, targetRef);
      }
      await this.saveMapping(tx, "post", item.postId, "Article", id, contentHash);
      return { warnings, created: !current, meanwhile: null };
    };
    let result: Awaited<ReturnType<typeof writeIn>>;
    for (let tries = 1; ; tries++) {
      try {
        result = await db.$transaction(writeIn);
        break;
      } catch (error) {
        // Another import took the slug since it was found free (another site's with this post, or
        // this site's, whose story the next try finds above): the next free one. It failed the
        // whole import (a test of two imports at once on PostgreSQL).
        if (current || tries === 5 || !fromDatabaseError(error)?.fieldErrors?.slug) throw error;
        data.slug = await this.freeSlug(storySlug(item), item.postId, null);
      }
    }
    if (result?.meanwhile) {
      this.writtenMeanwhile(result.meanwhile, contentHash, item.postId, title);
      return;
    }
    if (!result) {
      this.skip("story", item.postId, title, "It was changed in Dateline while it was being imported, so the export did not overwrite it.");
      this.report.counts.stories.skipped++;
      return;
    }
    for (const w of result.warnings) this.warn("story", item.postId, title, w);
    this.report.counts.stories[result.created ? "created" : "updated"]++;
  }

  /** A post whose story another import of this site wrote while this one was at it: that story stands. */
  private writtenMeanwhile(
    meanwhile: { kind: string; externalId: string; createdAt: Date; updatedAt: Date; contentHash: string },
    contentHash: string,
    postId: string,
    title: string,
  ) {
    // The same post as this export has it: counted as if this import had written it (a run's other runner did).
    if (meanwhile.contentHash === contentHash) this.report.counts.stories[this.earlier(meanwhile) ?? "unchanged"]++;
    else {
      this.skip(
        "story",
        postId,
        title,
        "Another import of this site wrote it at the same time, from another export: import this export again to bring its changes.",
      );
      this.report.counts.stories.skipped++;
    }
  }

  /**
   * The post's slug; when another story (or an old address of one) holds it, with its WordPress id
   * added, then a number ("-106-2", "-106-3"). The same post of a third site got a random ending
   * nobody checked, which another site's import of it could hold already (a check run failed on it).
   */
  private async freeSlug(wanted: string, postId: string, ownId: string | null): Promise<string> {
    const free = async (slug: string) => {
      const [taken, redirect] = await Promise.all([
        db.article.findUnique({ where: { slug }, select: { id: true } }),
        db.redirect.findUnique({ where: { fromSlug: slug }, select: { articleId: true } }),
      ]);
      return (!taken || taken.id === ownId) && (!redirect || redirect.articleId === ownId);
    };
    if (await free(wanted)) return wanted;
    const withId = `${wanted.slice(0, 100)}-${postId}`;
    if (await free(withId)) return withId;
    for (let n = 2; n < 1000; n++) if (await free(`${withId}-${n}`)) return `${withId}-${n}`;
    return `${wanted.slice(0, 90)}-${postId}-${crypto.randomBytes(6).toString("hex")}`;
  }
}

function describe(error: AppError): string {
  const fields = error.fieldErrors ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${(v ?? []).join(" ")}`) : [];
  return [error.message, ...fields].join(" ");
}

export type { ArticleFields };
