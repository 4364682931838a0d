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
