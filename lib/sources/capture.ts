import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import crypto from "node:crypto";
import { db, type Tx } from "../db";
import { env } from "../env";
import { log } from "../log";
import { recordAudit } from "../audit/mutations";
import { expireAll, publicFootprint } from "../cache/invalidation";
import { tags } from "../cache/tags";
import type { JobHandler } from "../jobs/runner";
import { mediaStore } from "../media/store";
import { outboundFetch, OutboundRefusedError, type OutboundResponse, type PrivateHosts } from "../security/outbound";
import { SourceCaptureState } from "../generated/prisma/enums";
import { asksNoArchive, decodeBody, extractPlainText, extractReadable, isHtml, isPlainText } from "./extract";
import { readArchiveOptOut } from "./queries";
import { hostOptedOut } from "./schema";
import { firstCheckAt } from "./check-schedule";
import { toWarcRecord } from "./warc";

/** The job kind of one capture: payload { articleId, url, trigger, requestedById }. */
export const SOURCE_CAPTURE_JOB = "source-capture";

/** Why a capture was made: the story's publication, a source added to a live story, an editor's refresh, the link checker. */
export type CaptureTrigger = "publish" | "source-added" | "refresh" | "check";
export type CapturePayload = { articleId: string; url: string; trigger: CaptureTrigger; requestedById: string | null };

const urlKey = (url: string) => crypto.createHash("sha256").update(url).digest("hex").slice(0, 24);

/**
 * Queues a capture of each address for the story, in the caller's transaction (a publish, a save
 * of a live story, a refresh): the jobs exist exactly when the change does. An address with a
 * capture still waiting is not queued twice.
 */
export async function queueSourceCaptures(
  tx: Tx,
  articleId: string,
  urls: string[],
  trigger: CaptureTrigger,
  requestedById: string | null = null,
  now = new Date(),
): Promise<number> {
  let queued = 0;
  for (const url of new Set(urls)) {
    const prefix = `${articleId}:${urlKey(url)}:`;
    const waiting = await tx.job.findFirst({
      where: { kind: SOURCE_CAPTURE_JOB, doneAt: null, key: { startsWith: prefix } },
      select: { id: true },
    });
    if (waiting) continue;
    const payload: CapturePayload = { articleId, url, trigger, requestedById };
    await tx.job.create({
      data: {
        kind: SOURCE_CAPTURE_JOB,
        // Unique per request: a later refresh of the same address is a job of its own.
        key: `${prefix}${now.getTime()}-${crypto.randomBytes(4).toString("hex")}`,
        payload: JSON.stringify(payload),
        runAt: now,
        maxAttempts: 3,
      },
    });
    queued++;
  }
  return queued;
}

/** Limits of one fetch (default: DATELINE_SOURCE_MAX_MB, DATELINE_SOURCE_TIMEOUT_SECONDS). */
export type FetchLimits = { maxBytes?: number; timeoutMs?: number };

/** What one fetch for an archived copy gave. */
export type Fetched =
  | {
      state: "FAILED";
      error: string;
      response?: OutboundResponse;
      /** Refused for a private network the source may not reach: nothing was asked of it, so it says nothing of the source. */
      privateNetwork?: true;
    }
  | { state: "OPTED_OUT" | "NOARCHIVE"; response?: OutboundResponse }
  | { state: "CAPTURED"; response: OutboundResponse; html: string | null };

/**
 * The private hosts a source may be on: the operator's list only. A writer types a source's
 * address and its copy is public, so the admins' list for webhooks and wire feeds does not apply.
 */
const SOURCE_PRIVATE_HOSTS: PrivateHosts = {
  hosts: new Set(env.DATELINE_SOURCE_PRIVATE_HOSTS),
  howToAllow:
    "A source's archived copy is public, so none is made from a private network (the server's operator can allow a host with DATELINE_SOURCE_PRIVATE_HOSTS).",
};

/** Thrown for an address on a host that opted out of the archive: the fetch ends before it is asked. */
class OptedOut extends Error {}

/**
 * Fetches a source the way an archived copy and a link check both do: through the outbound guard
 * (public addresses only, after DNS and on every redirect; size, time and redirect limits; an
 * honest User-Agent), unless its host, or the host of any address it redirects to, opted out; and
 * tells whether the page asks not to be archived.
 */
export async function fetchSource(url: string, optOut: readonly string[], limits: FetchLimits = {}): Promise<Fetched> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return { state: "FAILED", error: "That is not a valid address." };
  }
  if (hostOptedOut(host, optOut)) return { state: "OPTED_OUT" };
  let response: OutboundResponse;
  try {
    response = await outboundFetch(url, {
      maxBytes: limits.maxBytes ?? Math.round(env.DATELINE_SOURCE_MAX_MB * 1_000_000),
      timeoutMs: limits.timeoutMs ?? env.DATELINE_SOURCE_TIMEOUT_SECONDS * 1000,
      maxRedirects: 5,
      // The page as it is: nothing here decompresses, and a compressed body was kept as the copy.
      headers: { accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8", "accept-encoding": "identity" },
      privateHosts: SOURCE_PRIVATE_HOSTS,
      // Every redirect too: a shortener's link to an opted-out publisher was copied, and the copy shown to readers.
      checkUrl: (next) => {
        if (hostOptedOut(next.hostname, optOut)) throw new OptedOut();
      },
    });
  } catch (error) {
    // As an opted-out address ends: nothing kept of what the redirects before it answered.
    if (error instanceof OptedOut) return { state: "OPTED_OUT" };
    if (error instanceof OutboundRefusedError && error.why === "private")
      return { state: "FAILED", error: error.message, privateNetwork: true };
    return { state: "FAILED", error: error instanceof Error ? error.message : String(error) };
  }
  if (response.status >= 400) return { state: "FAILED", error: `The source answered ${response.status}.`, response };
  if (redirectedWithoutAnswer(response))
    return { state: "FAILED", error: `The source answered ${response.status} without an address to follow.`, response };
  // Asked for the page as it is, a host may compress it anyway: it is unpacked here, within the
  // same size bound, so the copy and the link checker's comparison read the page, not gzip's bytes
  // (a copy's text was the compressed body). An encoding nothing here reads keeps no copy.
  const encoding = response.headers["content-encoding"]?.trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    const unpacked = unpack(response.body, encoding, limits.maxBytes ?? Math.round(env.DATELINE_SOURCE_MAX_MB * 1_000_000));
    if (!unpacked)
      return {
        state: "FAILED",
        error: `The source answered compressed (${encoding.slice(0, 40)}), and it could not be read: no copy was kept.`,
        response,
      };
    const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== "content-encoding"));
    response = { ...response, headers, body: unpacked };
  }
  const contentType = response.headers["content-type"];
  const html = isHtml(contentType) ? decodeBody(response.body, contentType) : null;
  if (asksNoArchive(response.headers, html)) return { state: "NOARCHIVE", response };
  return { state: "CAPTURED", response, html };
}

/** A body in a content encoding read here (gzip, deflate, br), unpacked to at most `maxBytes`; null otherwise. */
function unpack(body: Buffer, encoding: string, maxBytes: number): Buffer | null {
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(body, { maxOutputLength: maxBytes });
    if (encoding === "deflate") return inflateSync(body, { maxOutputLength: maxBytes });
    if (encoding === "br") return brotliDecompressSync(body, { maxOutputLength: maxBytes });
  } catch {
    // Broken, or larger than the bound once unpacked.
  }
  return null;
}

const redirectedWithoutAnswer = (r: OutboundResponse) => r.status >= 300 && r.status < 400;

/** The readable text of a fetched source: HTML through Readability, plain text as paragraphs, nothing for other files. */
export function readableText(fetched: Extract<Fetched, { state: "CAPTURED" }>): { title: string | null; text: string | null } {
  if (fetched.html !== null) return extractReadable(fetched.html);
  const type = fetched.response.headers["content-type"];
  if (isPlainText(type) || !type) return { title: null, text: extractPlainText(decodeBody(fetched.response.body, type)) };
  return { title: null, text: null };
}

/**
 * Captures one source of a story: fetches it (fetchSource), keeps the answer as a WARC record in
 * the media store with its SHA-256, status, final address, time and readable text, records the
 * capture (and the link checker's first look at it) with an audit entry, and refreshes the story's
 * page. A source the story no longer lists, or a story that is gone, is skipped.
 */
export async function captureSource(payload: CapturePayload, now = new Date(), limits: FetchLimits = {}): Promise<string | null> {
  const story = await db.article.findUnique({ where: { id: payload.articleId }, select: { id: true, status: true } });
  if (!story) return null;
  if (!(await db.sourceLink.findFirst({ where: { articleId: story.id, url: payload.url }, select: { id: true } }))) return null;
  const fetched = await fetchSource(payload.url, (await readArchiveOptOut()).hosts, limits);
  const response = fetched.response;
  let stored: { sha256: string; warcKey: string; bytes: number; title: string | null; text: string | null } | null = null;
  if (fetched.state === "CAPTURED") {
    const warc = await toWarcRecord({
      url: fetched.response.url,
      fetchedAt: now,
      status: fetched.response.status,
      headers: fetched.response.headers,
      body: fetched.response.body,
    });
    const warcKey = `${crypto.createHash("sha256").update(warc).digest("hex")}.warc.gz`;
    await mediaStore.put(warcKey, warc);
    stored = {
      sha256: crypto.createHash("sha256").update(fetched.response.body).digest("hex"),
      warcKey,
      bytes: fetched.response.body.length,
      ...readableText(fetched),
    };
  }
  const live = story.status === "PUBLISHED";
  const capture = await db.$transaction(async (tx) => {
    const row = await tx.sourceCapture.create({
      data: {
        articleId: story.id,
        url: payload.url,
        state: SourceCaptureState[fetched.state],
        trigger: payload.trigger,
        httpStatus: response?.status ?? null,
        finalUrl: response?.url ?? null,
        contentType: response?.headers["content-type"]?.slice(0, 200) ?? null,
        sha256: stored?.sha256 ?? null,
        warcKey: stored?.warcKey ?? null,
        bytes: stored?.bytes ?? null,
        title: stored?.title ?? null,
        text: stored?.text ?? null,
        error: fetched.state === "FAILED" ? fetched.error.slice(0, 500) : null,
        fetchedAt: now,
        requestedById: payload.requestedById,
      },
      select: { id: true },
    });
    if (live) {
      // The link checker watches every source of a live story from now on (one it could not copy too:
      // it copies it once it answers). It compares later visits with this copy; a refresh starts afresh.
      const host = new URL(payload.url).hostname.toLowerCase();
      const fresh = { verdict: "OK" as const, verdictAt: null, detail: "", failures: 0, similarity: null, seenAt: null, seenById: null };
      await tx.sourceCheck.upsert({
        where: { articleId_url: { articleId: story.id, url: payload.url } },
        create: { articleId: story.id, url: payload.url, host, nextCheckAt: firstCheckAt(payload.url, now) },
        update:
          payload.trigger === "refresh" && fetched.state === "CAPTURED"
            ? { ...fresh, lastStatus: response?.status ?? null, lastFinalUrl: response?.url ?? null }
            : {},
      });
    }
    await recordAudit(tx, {
      actorId: payload.requestedById,
      action: fetched.state === "CAPTURED" ? "source.captured" : "source.not_captured",
      entityType: "Article",
      entityId: story.id,
      data: {
        url: payload.url,
        captureId: row.id,
        state: fetched.state,
        trigger: payload.trigger,
        status: response?.status,
        finalUrl: response && response.url !== payload.url ? response.url : undefined,
        error: fetched.state === "FAILED" ? fetched.error.slice(0, 200) : undefined,
      },
    });
    return row;
  });
  if (fetched.state === "FAILED")
    log("warn", "a source could not be archived", { articleId: story.id, url: payload.url, error: fetched.error });
  // Readers see only captured copies: a failed, noarchive or opted-out fetch changes no page.
  if (live && fetched.state === "CAPTURED") await expireStoryPages(story.id);
  return capture.id;
}

/** The story's page (at every address it had) and its API answers show its sources' copies: expired everywhere. */
export async function expireStoryPages(articleId: string) {
  const footprint = await publicFootprint(articleId);
  if (footprint) expireAll(footprint.slugs.map(tags.story), () => {});
}

/** The capture job (lib/jobs): one source of one story. */
export const captureSourceJob: JobHandler = async (job) => {
  await captureSource(job.payload as CapturePayload);
};
