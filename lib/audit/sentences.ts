import { formatDate } from "../format/time";
import { afterPosts } from "../import/report";
import { credentialStatusWords } from "../provenance/schema";
import { wireRouteLabel } from "../wire/schema";

/** An audit event with what a sentence about it needs: who, what, which record (by name) and when. */
export type AuditFacts = {
  action: string;
  entityType: string;
  /** The record's name now (a story's headline, a photo's caption), or null when it is gone. */
  entityName: string | null;
  data: unknown;
  actorName: string | null;
  createdAt: Date;
};

const ROLE_WORDS: Record<string, string> = { WRITER: "writer", EDITOR: "editor", ADMIN: "admin" };
const ROLE_ARTICLES: Record<string, string> = { WRITER: "a writer", EDITOR: "an editor", ADMIN: "an admin" };
const KIND_WORDS: Record<string, string> = {
  CORRECTION: "a correction",
  CLARIFICATION: "a clarification",
  UPDATE: "an update",
  EDITORS_NOTE: "an editor's note",
};

const SOURCE_STATE_WORDS: Record<string, string> = {
  NOARCHIVE: "it asks not to be archived",
  OPTED_OUT: "its host opted out",
  FAILED: "it could not be fetched",
};
const VERDICT_WORDS: Record<string, string> = { OK: "answering as before", GONE: "gone", MOVED: "moved", CHANGED: "changed" };
const FIELD_WORDS: Record<string, string> = {
  caption: "caption",
  credit: "photographer",
  agency: "agency",
  creditLine: "credit line",
  altText: "alt text",
  copyright: "copyright",
  license: "license",
  licenseExpiresAt: "license end",
};
const SCOPE_WORDS: Record<string, string> = { READ: "read only", READ_WRITE: "read and write", WIRE: "wire pushes only" };

/** The host of an address, never its path or query (where credentials live), or "". */
function hostOf(value: unknown): string {
  try {
    return typeof value === "string" && value ? new URL(value).host : "";
  } catch {
    return "";
  }
}

/** " for 14:00 on 5 December" (or with another preposition) from a stored time, or "" when there is none. */
function at(value: unknown, timeZone: string, preposition = " for"): string {
  const when = typeof value === "string" || value instanceof Date ? new Date(value) : null;
  if (!when || Number.isNaN(when.getTime())) return "";
  return `${preposition} ${clockTime(when, timeZone)} on ${when.toLocaleDateString("en-GB", { timeZone, day: "numeric", month: "long" })}`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** "14:02" in the newsroom's zone, 24-hour. */
export function clockTime(date: Date, timeZone: string): string {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clocks.set(timeZone, format);
  }
  return format.format(date);
}

const quoted = (name: string | null | undefined, fallback: string) =>
  name ? `‘${name.length > 80 ? `${name.slice(0, 79)}…` : name}’` : fallback;
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A photo that arrived with Content Credentials (lib/provenance/mutations.ts credentialAudit). */
const credentialWords = (d: Record<string, unknown>) =>
  str(d.credentials)
    ? ` with Content Credentials: ${credentialStatusWords({ status: str(d.credentials), signerName: str(d.credentialsSigner), signerOrg: "" })}`
    : "";

/** What happened, without who and when: "published ‘Ferry resumes’". */
function predicate(e: AuditFacts, timeZone: string): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const story = quoted(e.entityName ?? str(d.headline), "a story that no longer exists");
  const photo = quoted(e.entityName, "a photo");
  const named = quoted(e.entityName ?? str(d.name), `a ${e.entityType.toLowerCase()}`);
  switch (e.action) {
    case "article.create":
      return `created ${story}`;
    case "article.update":
      return d.materialUpdate === true
        ? `saved an update to ${story} that readers see as updated`
        : d.materialUpdate === false
          ? `made a minor fix to ${story}`
          : `saved ${story}${typeof d.version === "number" ? ` (version ${d.version})` : ""}`;
    case "article.published":
      return `published ${story}`;
    case "article.scheduled":
      return `scheduled ${story}${at(d.scheduledFor, timeZone)}`;
    case "article.in_review":
      return `submitted ${story} for review`;
    case "article.draft":
      return d.from === "IN_REVIEW" ? `sent ${story} back to draft` : `moved ${story} back to draft`;
    case "article.unpublished":
      return `unpublished ${story}${str(d.reason) ? ` (“${str(d.reason)}”)` : ""}`;
    case "article.correct":
      return `added ${KIND_WORDS[str(d.kind)] ?? "a correction"} to ${story}`;
    case "article.delete":
      return `deleted ${story}`;
    case "image.create":
      return `uploaded ${e.entityName ? `the photo ${photo}` : "a photo"}${credentialWords(d)}`;
    case "image.update": {
      const changed = Array.isArray(d.changed) ? d.changed.map((f) => FIELD_WORDS[String(f)] ?? String(f)) : [];
      return `edited the details of the photo ${photo}${changed.length ? ` (${changed.join(", ")})` : ""}`;
    }
    case "image.replace":
      return `replaced the file of the photo ${photo}${credentialWords(d)}`;
    case "image.crop":
      return `cropped the photo ${photo}`;
    case "image.delete":
      return str(d.name) ? `deleted the photo ${quoted(str(d.name), "")}` : "deleted a photo";
    case "section.create":
      return `created the section ${named}`;
    case "section.update":
      return `edited the section ${named}`;
    case "section.move":
      return `moved the section ${named} from /${str(d.from)} to /${str(d.to)}`;
    case "section.delete":
      return `deleted the section ${named}`;
    case "author.create":
      return `added the byline ${named}`;
    case "author.update":
      return `edited the byline ${named}`;
    case "tag.create":
      return `created the tag ${named}`;
    case "user.create":
      return `created an account for ${e.entityName ?? str(d.email)}${ROLE_WORDS[str(d.role)] ? ` as ${ROLE_WORDS[str(d.role)]}` : ""}`;
    case "user.role":
      return `made ${e.entityName ?? "a user"} ${ROLE_ARTICLES[str(d.to)] ?? "a user"} (was ${ROLE_WORDS[str(d.from)] ?? "unknown"})`;
    case "user.disable":
      return `disabled the account of ${e.entityName ?? "a user"}`;
    case "user.enable":
      return `enabled the account of ${e.entityName ?? "a user"}`;
    case "user.unlock":
      return `lifted the sign-in lock of ${e.entityName ?? "a user"}`;
    case "user.linkAuthor":
      return `linked ${e.entityName ?? "a user"} to a byline`;
    case "user.password":
      return "changed their password";
    case "user.password.cli":
      return `reset the password of ${e.entityName ?? "a user"}`;
    case "settings.update":
      return "changed the newsroom's settings";
    // The wire desk (issue 18): the item by its GUID, which is what the agency knows it by.
    case "wire.receive":
      return `received wire item ${str(d.guid)}${typeof d.version === "number" ? ` (version ${d.version})` : ""}${d.via ? ` by ${wireRouteLabel(str(d.via))}` : ""}`;
    case "wire.update":
      return `received ${typeof d.version === "number" ? `version ${d.version}` : "a new version"} of wire item ${str(d.guid)}`;
    case "wire.killed":
      return `received the agency's kill of wire item ${str(d.guid)}`;
    case "wire.withdrawn":
      return `received the agency's withdrawal of wire item ${str(d.guid)}`;
    case "wire.take":
      return `took ${typeof d.version === "number" ? `version ${d.version} of ` : ""}a wire item into a draft story`;
    // Named by host only: editors read the log, and a feed's or webhook's address often holds its
    // credential (?api_key=…, a Slack hook's path).
    case "wire.feed.add":
      return `added the wire feed ${e.entityName ? named : hostOf(d.url) || "(unnamed)"}`;
    case "wire.feed.remove":
      return e.entityName || str(d.name) ? `removed the wire feed ${named}` : "removed a wire feed";
    // The front page (issue 20).
    case "front.arrange":
      return "put a new arrangement of the front page live";
    case "front.schedule":
      return `scheduled an arrangement of the front page${at(d.goesLiveAt, timeZone)}`;
    case "front.cancel":
      return "cancelled a scheduled arrangement of the front page";
    case "front.switch":
      return "put a scheduled arrangement of the front page live";
    case "draft-link.create":
      return `shared a draft link to ${story}${str(d.label) ? ` with ${quoted(str(d.label), "")}` : ""}${at(d.expiresAt, timeZone, " until")}`;
    case "draft-link.revoke": {
      // Taking a story down stops its open links, in one entry (lib/draft-links/mutations.ts).
      const count = Array.isArray(d.linkIds) ? d.linkIds.length : 1;
      const links = count === 1 ? "a draft link" : `${count} draft links`;
      return d.why === "unpublished" ? `stopped ${links} to ${story} as it was taken down` : `stopped ${links} to ${story}`;
    }
    case "draft-link.view":
      return `opened ${story} by the draft link${str(d.label) ? ` shared with ${quoted(str(d.label), "")}` : ""}`;
    // Keys, webhooks and the hosts they may reach (issue 17).
    case "apikey.create":
      return `created the API key${str(d.name) ? ` ${quoted(str(d.name), "")}` : ""}${SCOPE_WORDS[str(d.scope)] ? ` (${SCOPE_WORDS[str(d.scope)]})` : ""}`;
    case "apikey.revoke":
      return `revoked the API key ${quoted(e.entityName, "")}`.trimEnd();
    case "webhook.create":
      return `added the webhook ${quoted(str(d.name), named)}${hostOf(d.url) ? ` to ${hostOf(d.url)}` : ""}`;
    case "webhook.delete":
      return `removed the webhook ${quoted(str(d.name), named)}`;
    case "webhook.resend":
      return `sent a delivery of the webhook ${named} again`;
    case "outbound.allow":
      return `allowed requests to the private host ${str(d.host) || "(unnamed)"}`;
    case "outbound.remove":
      return `stopped allowing requests to the private host ${str(d.host) || "(unnamed)"}`;
    case "import.queue":
      return "started a WordPress import from the desk";
    case "import.wordpress.start":
      return `began importing ${str(d.file) ? quoted(str(d.file), "") : "an export"} from WordPress`;
    case "import.cancel":
      // Asked: the run stops before its next item, or finishes if it was on its last (import.wordpress.finish says which).
      return `asked the WordPress import of ${str(d.file) ? quoted(str(d.file), "") : "an export"} to stop; what it has imported stays`;
    case "import.wordpress.finish": {
      const stories = ((d.counts ?? {}) as { stories?: { created?: number; updated?: number } }).stories;
      const counted = stories ? `: ${stories.created ?? 0} stories added, ${stories.updated ?? 0} updated` : "";
      const cancelled = d.cancelled as { after?: number; of?: number } | undefined;
      if (cancelled?.of === 0) return `stopped a WordPress import of an export without posts when it was cancelled`;
      if (cancelled)
        return `stopped a WordPress import when it was cancelled, ${afterPosts(cancelled.after ?? 0, cancelled.of ?? 0)}${counted}`;
      // Cancelled after its last post: the cancel came too late, and the import finished.
      return `finished a WordPress import${counted}${str(d.cancelledTooLate) ? `; ${str(d.cancelledTooLate)}'s cancel came after its last post` : ""}`;
    }
    // Accounts: passwords and two-factor sign-in.
    case "user.passwordResetRequested":
      return `sent a password reset link to ${e.entityName ?? "a user"}, asked for at the sign-in page`;
    case "user.passwordResetSent":
      return `sent a password reset link to ${e.entityName ?? "a user"}`;
    case "user.passwordResetLinkMade":
      return `made a password reset link to hand to ${e.entityName ?? "a user"}`;
    case "user.passwordReset":
      return "set a new password with a reset link";
    case "user.twoFactor.enable":
      return "turned on two-factor sign-in";
    case "user.twoFactor.disable":
      return "turned off two-factor sign-in";
    case "user.twoFactor.recoveryCodes":
      return "made new recovery codes";
    case "user.twoFactor.recoveryCodeUsed":
      return `signed in with a recovery code${typeof d.left === "number" ? ` (${d.left} of ${String(d.of)} left)` : ""}`;
    case "user.twoFactor.reset":
      return `reset the two-factor sign-in of ${e.entityName ?? "a user"}`;
    case "settings.twoFactorRequired":
      return d.required === false ? "stopped requiring two-factor sign-in" : "required two-factor sign-in of everyone on the desk";
    // Issue 19: archived copies of sources and link checks (lib/sources/).
    case "source.captured":
      return `archived the source ${str(d.url)} of ${story}`;
    case "source.not_captured":
      return `could not archive the source ${str(d.url)} of ${story}${SOURCE_STATE_WORDS[str(d.state)] ? ` (${SOURCE_STATE_WORDS[str(d.state)]})` : ""}`;
    case "source.refresh":
      return `asked for a fresh copy of the source ${str(d.url)} of ${story}`;
    case "source.verdict":
      return `found the source ${str(d.url)} of ${story} ${VERDICT_WORDS[str(d.to)] ?? "checked"}`;
    case "source.seen":
      return `marked seen that the source ${str(d.url)} of ${story} was ${VERDICT_WORDS[str(d.verdict)] ?? "checked"}`;
    case "settings.archive_opt_out":
      return "changed the hosts that opted out of archived copies";
    default:
      return `did “${e.action}” to ${named}`;
  }
}

/** The subject of the sentence: the person, or what acted for nobody. */
function subject(e: AuditFacts): string {
  if (e.actorName) return e.actorName;
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (d.by === "scheduler") return "The scheduler";
  if (e.action === "user.password.cli" || e.action === "user.create") return "The command line";
  if (e.action.startsWith("wire.")) return "The wire desk";
  if (e.action === "source.verdict") return "The link checker";
  if (e.action === "source.captured" || e.action === "source.not_captured" || e.action === "user.passwordResetRequested") return "Dateline";
  if (e.action === "draft-link.view") return "Someone outside the newsroom";
  return "Someone no longer on the desk";
}

/** "Ana Ruiz published ‘Ferry resumes’ at 14:02", the time in the newsroom's zone, 24-hour. */
export function auditSentence(e: AuditFacts, timeZone: string): string {
  return `${subject(e)} ${predicate(e, timeZone)} at ${clockTime(e.createdAt, timeZone)}`;
}

/** Entries grouped by the newsroom's calendar day ("2 December 2026"), newest day first, in their order. */
export function groupByDay<T extends { createdAt: string | Date }>(entries: T[], timeZone: string): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const entry of entries) {
    const day = formatDate(new Date(entry.createdAt), timeZone);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  return [...days];
}
