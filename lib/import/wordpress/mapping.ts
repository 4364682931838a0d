import { ArticleStatus } from "../../generated/prisma/enums";
import { slugifyAnyScript } from "../../format/slug-any-script";
import { shortenAtWord } from "../../format/text";
import { bodyToText, type BodyDoc } from "../../articles/body";
import { HEADLINE_MAX } from "../../articles/schema";
import type { WxrItem } from "./wxr";

/**
 * The rules by which WordPress's things become Dateline's, written once (pure functions; the
 * importer in ./run.ts applies them and the report quotes them).
 */

/** WordPress post status → what Dateline does with the story. */
export const STATUS_RULES: Record<string, { to: ArticleStatus | null; says: string }> = {
  publish: { to: ArticleStatus.PUBLISHED, says: "published, with its original publication and update dates" },
  future: { to: ArticleStatus.SCHEDULED, says: "scheduled for its WordPress date (a draft if that date has passed)" },
  draft: { to: ArticleStatus.DRAFT, says: "a draft" },
  pending: { to: ArticleStatus.IN_REVIEW, says: "in review" },
  private: { to: ArticleStatus.DRAFT, says: "a draft (Dateline has no private stories; readers cannot see it)" },
  trash: { to: null, says: "skipped (in WordPress's trash)" },
  "auto-draft": { to: null, says: "skipped (an empty auto-draft)" },
  inherit: { to: null, says: "skipped (a revision)" },
};

export const NESTED_CATEGORY_RULE =
  "Top-level categories become sections. A child category becomes a tag of the same name, and its posts go to the section of its top-level category (Dateline's masthead is flat).";

/** A WordPress date ("2024-05-12 14:03:00", UTC for the _gmt fields) or null for "0000-00-00 00:00:00" and nonsense. */
export function wpDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || match[1] === "0000") return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The post's first publication: post_date_gmt, else post_date read as UTC, else the RSS pubDate. */
export function postDates(item: WxrItem): { published: Date | null; modified: Date | null; guessed: boolean } {
  const gmt = wpDate(item.postDateGmt);
  const local = wpDate(item.postDate);
  const published = gmt ?? local;
  return { published, modified: wpDate(item.postModifiedGmt), guessed: !gmt && !!local };
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A Dateline slug for a post: its WordPress slug (percent-decoded: WordPress keeps a title in
 * another script as "%d0%ba%d0%b8…"), else its title, in Latin letters; else post-<id>.
 */
export function storySlug(item: WxrItem): string {
  return slugifyAnyScript(safeDecode(item.postName)) || slugifyAnyScript(item.title) || `post-${item.postId}`;
}

/** How long a headline made from a post's first words is. */
const FIRST_WORDS_MAX = 80;

/**
 * A post's headline: its title; with no title (WordPress allows one), its body's first words; a
 * title longer than a headline may be, cut at a word. `note` says which, for the report, when the
 * headline is not the title as it was: the desk must write one before the story goes live.
 */
export function importedHeadline(title: string, body: BodyDoc, postId: string): { headline: string; note: string | null } {
  const flat = title.replace(/\s+/g, " ").trim();
  if (!flat) {
    const words = bodyToText(body).replace(/\s+/g, " ").trim();
    return {
      headline: words ? shortenAtWord(words, FIRST_WORDS_MAX) : `Untitled post ${postId}`,
      note: `It has no title: its headline is ${words ? "its first words" : `“Untitled post ${postId}”`} until an editor writes one.`,
    };
  }
  if (flat.length <= HEADLINE_MAX) return { headline: flat, note: null };
  return {
    headline: shortenAtWord(flat, HEADLINE_MAX),
    note: `Its title is longer than a headline may be (${HEADLINE_MAX} characters): its headline is cut short until an editor shortens it.`,
  };
}

/** The path of an address on the old site ("https://old.example/2024/05/slug/" → "/2024/05/slug/"), if it is one. */
export function oldSitePath(url: string, baseUrls: string[]): string | null {
  const value = url.trim();
  if (!value) return null;
  try {
    const parsed = new URL(value, baseUrls[0] || "http://old.invalid");
    const hosts = baseUrls.flatMap((b) => {
      try {
        return [new URL(b).host.toLowerCase()];
      } catch {
        return [];
      }
    });
    if (hosts.length > 0 && !hosts.includes(parsed.host.toLowerCase()) && /^https?:/i.test(value)) return null;
    return parsed.pathname + parsed.search;
  } catch {
    return null;
  }
}

/** A photo's credit from the usual places: Newspack / Media Credit, Navis, then the EXIF credit WordPress keeps. */
export function photoCredit(meta: Record<string, string>): string {
  const direct = meta._media_credit ?? meta._navis_media_credit ?? meta.media_credit ?? meta.credit ?? "";
  if (direct.trim()) return direct.trim();
  return serializedField(meta._wp_attachment_metadata ?? "", "credit");
}

/** Copyright from the EXIF data WordPress keeps in _wp_attachment_metadata. */
export function photoCopyright(meta: Record<string, string>): string {
  return serializedField(meta._wp_attachment_metadata ?? "", "copyright");
}

/** One string field of a PHP-serialized array (`s:6:"credit";s:11:"Jane Doe/AP";`), read without evaluating anything. */
export function serializedField(serialized: string, key: string): string {
  const marker = `s:${Buffer.byteLength(key)}:"${key}";s:`;
  const at = serialized.indexOf(marker);
  if (at < 0) return "";
  const rest = serialized.slice(at + marker.length);
  const len = /^(\d+):"/.exec(rest);
  if (!len) return "";
  const bytes = Buffer.from(rest.slice(len[0].length), "utf8").subarray(0, Number(len[1]));
  return bytes.toString("utf8").trim();
}

/** The file of an attachment inside the uploads folder: _wp_attached_file, else the part of its URL after /uploads/. */
export function uploadsRelativePath(attachedFile: string, url: string): string | null {
  const fromMeta = attachedFile.trim();
  if (fromMeta) return fromMeta.replace(/^\/+/, "");
  const match = /\/uploads\/(.+)$/.exec(safeDecode(url.split(/[?#]/)[0] ?? ""));
  return match ? match[1]! : null;
}

/** A body photo's address → the original upload's relative path (WordPress inserts resized copies: photo-300x200.jpg). */
export function bodyPhotoRelativePath(src: string): { exact: string; original: string } | null {
  const rel = uploadsRelativePath("", src);
  if (!rel) return null;
  return { exact: rel, original: rel.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, "$1").replace(/-scaled(\.[a-z0-9]+)$/i, "$1") };
}
