import { z } from "zod";
import { SourceKind } from "../generated/prisma/enums";
import { webUrlSchema } from "../security/urls";

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  DOCUMENT: "Document",
  REPORT: "Report",
  STATEMENT: "Statement",
  SOCIAL_POST: "Social post",
  NEWS_ARTICLE: "News article",
  DATASET: "Dataset",
  OTHER: "Other",
};

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`).default("");

/** One source link a story rests on. Order is the array order. */
export const sourceLinkSchema = z.object({
  url: webUrlSchema,
  title: z.string().trim().min(1, "Give the source a title.").max(300, "Titles can be at most 300 characters."),
  publisher: optionalText(200, "Publisher"),
  kind: z.enum(SourceKind, { error: "Choose what kind of source this is." }).default(SourceKind.OTHER),
  note: optionalText(1000, "Notes"),
  accessedAt: z.coerce.date({ error: "Enter the date you accessed the source." }).nullish(),
  archivedUrl: z.union([z.literal("").transform(() => null), webUrlSchema]).nullish(),
});

/** A story's sources: the same URL twice is flagged on the second one. */
export const sourceLinksSchema = z
  .array(sourceLinkSchema)
  .max(100, "A story can list at most 100 sources.")
  .superRefine((sources, ctx) => {
    const seen = new Map<string, number>();
    sources.forEach((source, index) => {
      const key = normalizeUrlForCompare(source.url);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: [index, "url"], message: `This URL is already source ${first + 1}.` });
      } else seen.set(key, index);
    });
  });

export type SourceLinkInput = z.input<typeof sourceLinkSchema>;
export type SourceLinkData = z.output<typeof sourceLinkSchema>;

/** Compares URLs the way a reader would: scheme and host case, trailing slash and fragment ignored. */
export function normalizeUrlForCompare(value: string): string {
  try {
    const url = new URL(value);
    url.hash = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return value.trim();
  }
}

// --- Archived copies and link checks (issue 19) ---

const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The hosts whose pages Dateline never archives (Settings): one per line, as typed in the form; a
 * host covers its subdomains. Blank lines and duplicates are dropped; an address is refused with
 * the host it names, so the admin sees what to type.
 */
export const archiveOptOutSchema = z.object({
  hosts: z
    .string()
    .max(20_000, "The list can be at most 20,000 characters.")
    .transform((text, ctx) => {
      const hosts: string[] = [];
      for (const [i, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim().toLowerCase().replace(/\.$/, "");
        if (!line) continue;
        if (!HOST_NAME.test(line)) {
          let hint = "";
          try {
            hint = ` Did you mean ${new URL(line).hostname}?`;
          } catch {
            // Not an address either.
          }
          ctx.addIssue({
            code: "custom",
            message: `Line ${i + 1}: “${raw.trim().slice(0, 80)}” is not a host name such as example.org.${hint}`,
          });
          continue;
        }
        if (!hosts.includes(line)) hosts.push(line);
      }
      if (hosts.length > 500) ctx.addIssue({ code: "custom", message: "The list can hold at most 500 hosts." });
      return hosts;
    }),
  /** The version the admin started from ("" before the first save). */
  version: z.string().max(40),
});
export type ArchiveOptOutInput = z.input<typeof archiveOptOutSchema>;

/** Whether `host` is on the opt-out list (the host itself or a subdomain of a listed one). */
export function hostOptedOut(host: string, optOut: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return optOut.some((o) => h === o || h.endsWith(`.${o}`));
}

/** An editor asks for a fresh copy of one source of a story. */
export const refreshSourceCopySchema = z.object({
  articleId: z.string().min(1).max(40),
  url: z.string().min(1).max(4000),
});

/** An editor asks for the sources of a story to be checked now. */
export const checkStorySourcesSchema = z.object({ articleId: z.string().min(1).max(40) });

/** The desk marks a link check's verdict seen. */
export const markSourceSeenSchema = z.object({ checkId: z.string().min(1).max(40) });
