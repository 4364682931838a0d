import crypto from "node:crypto";
import { db, Prisma } from "../db";
import { log } from "../log";
import { recordAudit } from "../audit/mutations";
import { SourceVerdict } from "../generated/prisma/enums";
import { captureSource, fetchSource, queueSourceCaptures, readableText, expireStoryPages, type Fetched } from "./capture";
import {
  firstCheckAt,
  HOST_CHECKS_PER_PASS,
  HOST_GAP_MS,
  nextCheckAt,
  retryCheckAt,
  SOURCE_CHANGED_BELOW,
  SOURCE_CHECK_BATCH,
  SOURCE_GONE_AFTER,
} from "./check-schedule";
import { textSimilarity } from "./extract";
import { readArchiveOptOut } from "./queries";
import { normalizeUrlForCompare } from "./schema";
import { takeTurn } from "../ops/take-turn";

/** The recurring job that re-checks the sources of live stories (lib/articles/scheduler-loop.ts runs it). */
export const SOURCE_CHECK_JOB = "source-link-check";

export type CheckOptions = {
  /** Check this story's sources now, whatever their schedule (an editor's "Check sources now"). */
  articleId?: string;
  batch?: number;
  perHost?: number;
  hostGapMs?: number;
  concurrency?: number;
};
export type CheckRun = {
  checked: number;
  verdicts: { url: string; articleId: string; from: SourceVerdict; to: SourceVerdict }[];
  seeded: number;
  skippedHosts: number;
};

type Due = Prisma.SourceCheckGetPayload<{ select: typeof dueSelect }>;
const dueSelect = {
  id: true,
  articleId: true,
  url: true,
  host: true,
  verdict: true,
  failures: true,
  lastFinalUrl: true,
  detail: true,
} satisfies Prisma.SourceCheckSelect;

/**
 * One pass of the link checker. Politely: at most `perHost` sources of one host per pass, none of
 * a host reached in the last `hostGapMs`, one fetch per address whatever the number of stories
 * citing it, a host answering 429 or 503 is left alone for as long as it asks (Retry-After, at
 * least an hour); each source is checked again an interval later, spread (lib/sources/check-schedule.ts).
 *
 * Verdicts, against the story's archived copy of the source:
 * - GONE: SOURCE_GONE_AFTER consecutive checks that got 4xx/5xx, or could not reach or resolve the host
 *   (a source never copied, on a private network the guard refuses, is not asked, and does not count);
 * - MOVED: the address now ends (after redirects) somewhere else than the copy's final address;
 * - CHANGED: the readable text's similarity to the copy's (textSimilarity) is below SOURCE_CHANGED_BELOW;
 * - OK otherwise. A change of verdict is recorded with its time and audited, and waits for the desk to mark it seen.
 * Nothing changes for readers, except that a GONE source's link leads to its copy first.
 */
export async function runSourceChecks(now = new Date(), options: CheckOptions = {}): Promise<CheckRun> {
  const batch = options.batch ?? SOURCE_CHECK_BATCH;
  const perHost = options.perHost ?? HOST_CHECKS_PER_PASS;
  const gap = options.hostGapMs ?? HOST_GAP_MS;
  const seeded = await seedChecks(now, options.articleId);
  const live = { article: { status: "PUBLISHED" as const } };
  const candidates = await stillListed(
    await db.sourceCheck.findMany({
      where: options.articleId ? { articleId: options.articleId, ...live } : { nextCheckAt: { lte: now }, ...live },
      orderBy: { nextCheckAt: "asc" },
      take: options.articleId ? 200 : batch * 4,
      select: dueSelect,
    }),
  );
  // Hosts reached lately wait (a story's own "check now" included: only the gap within the pass is skipped).
  const recent = new Set<string>();
  if (gap > 0 && !options.articleId && candidates.length) {
    const hosts = await db.sourceCheck.groupBy({
      by: ["host"],
      where: { host: { in: [...new Set(candidates.map((c) => c.host))] }, lastCheckedAt: { gt: new Date(now.getTime() - gap) } },
    });
    for (const h of hosts) recent.add(h.host);
  }
  const perHostCount = new Map<string, number>();
  const chosen: Due[] = [];
  let skippedHosts = 0;
  for (const c of candidates) {
    if (chosen.length >= (options.articleId ? 200 : batch)) break;
    const n = perHostCount.get(c.host) ?? 0;
    if (!options.articleId && (recent.has(c.host) || n >= perHost)) {
      skippedHosts++;
      continue;
    }
    perHostCount.set(c.host, n + 1);
    chosen.push(c);
  }
  const optOut = (await readArchiveOptOut()).hosts;
  const fetches = new Map<string, Promise<Fetched>>();
  const fetchOnce = (url: string) => {
    let p = fetches.get(url);
    if (!p) fetches.set(url, (p = fetchSource(url, optOut)));
    return p;
  };
  const run: CheckRun = { checked: 0, verdicts: [], seeded, skippedHosts };
  const queue = [...chosen];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 8, queue.length) }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      try {
        const change = await checkOne(c, await fetchOnce(c.url), now);
        run.checked++;
        if (change) run.verdicts.push(change);
      } catch (error) {
        log("warn", "a source could not be checked", { url: c.url, error: String(error) });
      }
    }
  });
  await Promise.all(workers);
  return run;
}

/**
 * The checks whose source its story still lists; the others are deleted, before anything is
 * fetched (a source taken off a story, a confidential page cited by mistake, was fetched once
 * more, and its host's pause between checks was not kept).
 */
async function stillListed(checks: Due[]): Promise<Due[]> {
  if (checks.length === 0) return checks;
  const links = await db.sourceLink.findMany({
    where: { articleId: { in: [...new Set(checks.map((c) => c.articleId))] } },
    select: { articleId: true, url: true },
  });
  const listed = new Set(links.map((l) => `${l.articleId} ${l.url}`));
  const gone = checks.filter((c) => !listed.has(`${c.articleId} ${c.url}`));
  if (gone.length) await db.sourceCheck.deleteMany({ where: { id: { in: gone.map((c) => c.id) } } });
  return checks.filter((c) => listed.has(`${c.articleId} ${c.url}`));
}

/** Sources of live stories the checker does not know yet (published before archiving began, or whose capture failed): a check, and a capture. */
async function seedChecks(now: Date, articleId?: string): Promise<number> {
  const links = await db.sourceLink.findMany({
    where: { article: { status: "PUBLISHED", ...(articleId ? { id: articleId } : {}) } },
    select: { articleId: true, url: true },
    take: 20_000,
  });
  if (links.length === 0) return 0;
  const known = await db.sourceCheck.findMany({
    where: { articleId: { in: [...new Set(links.map((l) => l.articleId))] } },
    select: { articleId: true, url: true },
  });
  const have = new Set(known.map((k) => `${k.articleId} ${k.url}`));
  const missing = links.filter((l) => !have.has(`${l.articleId} ${l.url}`)).slice(0, 200);
  for (const l of missing) {
    await takeTurn();
    let host: string;
    try {
      host = new URL(l.url).hostname.toLowerCase();
    } catch {
      continue;
    }
    await db.$transaction(async (tx) => {
      await tx.sourceCheck.upsert({
        where: { articleId_url: { articleId: l.articleId, url: l.url } },
        create: { articleId: l.articleId, url: l.url, host, nextCheckAt: firstCheckAt(l.url, now) },
        update: {},
      });
      const copied = await tx.sourceCapture.count({ where: { articleId: l.articleId, url: l.url, state: "CAPTURED" } });
      if (!copied) await queueSourceCaptures(tx, l.articleId, [l.url], "check", null, now);
    });
  }
  return missing.length;
}

/** A source not asked this time: checked again an interval later, its verdict and failures as they were. */
async function leftAlone(c: Due, now: Date): Promise<null> {
  await db.sourceCheck.update({ where: { id: c.id }, data: { nextCheckAt: nextCheckAt(c.url, now), lastCheckedAt: now } });
  return null;
}

async function checkOne(c: Due, fetched: Fetched, now: Date): Promise<CheckRun["verdicts"][number] | null> {
  const status = fetched.response?.status ?? null;
  if (fetched.state === "OPTED_OUT") return leftAlone(c, now);
  if (status === 429 || status === 503) {
    // The host asks for a pause: granted, and not counted against the source.
    const after = Number(fetched.response?.headers["retry-after"]);
    const wait = Math.max(3_600_000, Number.isFinite(after) ? after * 1000 : 0);
    await db.sourceCheck.updateMany({
      where: { host: c.host, nextCheckAt: { lt: new Date(now.getTime() + wait) } },
      data: { nextCheckAt: new Date(now.getTime() + wait) },
    });
    await db.sourceCheck.update({ where: { id: c.id }, data: { lastCheckedAt: now, lastStatus: status } });
    return null;
  }
  const copy = await db.sourceCapture.findFirst({
    where: { articleId: c.articleId, url: c.url, state: "CAPTURED" },
    orderBy: { fetchedAt: "desc" },
    select: { finalUrl: true, text: true, sha256: true },
  });
  // Never copied, and on a private network a source may not reach (its capture says why): not
  // asked at all, which says nothing of whether it is gone. One that was copied from a public
  // address and now leads to a private one (a redirect, a lapsed domain) counts as failing.
  if (fetched.state === "FAILED" && fetched.privateNetwork && !copy) return leftAlone(c, now);
  let verdict: SourceVerdict = c.verdict;
  let detail = c.detail;
  let failures = 0;
  let similarity: number | null = null;
  if (fetched.state === "FAILED") {
    failures = c.failures + 1;
    if (failures >= SOURCE_GONE_AFTER) {
      verdict = SourceVerdict.GONE;
      detail = `${fetched.error} (${failures} checks in a row)`;
    }
  } else {
    const finalUrl = fetched.response?.url ?? c.url;
    const before = copy?.finalUrl ?? c.url;
    if (normalizeUrlForCompare(finalUrl) !== normalizeUrlForCompare(before)) {
      verdict = SourceVerdict.MOVED;
      detail = `Now ends at ${finalUrl}`;
    } else {
      verdict = SourceVerdict.OK;
      detail = "";
      if (fetched.state === "CAPTURED" && copy?.text && copy.sha256 === sha256Of(fetched.response.body)) {
        // The very bytes of the copy: the same text, without reading it again.
        similarity = 1;
      } else if (fetched.state === "CAPTURED" && copy?.text) {
        const text = readableText(fetched).text;
        if (text !== null) {
          similarity = Math.round(textSimilarity(copy.text, text) * 1000) / 1000;
          if (similarity < SOURCE_CHANGED_BELOW) {
            verdict = SourceVerdict.CHANGED;
            detail = `The text is ${Math.round(similarity * 100)} % like the archived copy`;
          }
        }
      }
    }
  }
  const changed = verdict !== c.verdict;
  await db.$transaction(async (tx) => {
    await tx.sourceCheck.update({
      where: { id: c.id },
      data: {
        verdict,
        detail,
        failures,
        lastStatus: status,
        lastFinalUrl: fetched.response?.url ?? null,
        lastCheckedAt: now,
        nextCheckAt: fetched.state === "FAILED" ? retryCheckAt(failures, now) : nextCheckAt(c.url, now),
        ...(similarity !== null ? { similarity } : {}),
        ...(changed ? { verdictAt: now, seenAt: null, seenById: null } : {}),
      },
    });
    if (changed)
      await recordAudit(tx, {
        actorId: null,
        action: "source.verdict",
        entityType: "Article",
        entityId: c.articleId,
        data: { url: c.url, from: c.verdict, to: verdict, detail: detail || undefined, status: status ?? undefined },
      });
  });
  // A gone source's link leads to its copy first: the story's page changes when that starts or stops.
  if (changed && (verdict === SourceVerdict.GONE || c.verdict === SourceVerdict.GONE)) await expireStoryPages(c.articleId);
  // No copy yet (the capture at publication failed) and the page answers: take one now.
  if (!copy && fetched.state === "CAPTURED")
    await captureSource({ articleId: c.articleId, url: c.url, trigger: "check", requestedById: null }, now);
  return changed ? { url: c.url, articleId: c.articleId, from: c.verdict, to: verdict } : null;
}

const sha256Of = (body: Buffer) => crypto.createHash("sha256").update(body).digest("hex");
