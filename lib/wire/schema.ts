import { z } from "zod";
import { WireStatus } from "../generated/prisma/enums";
import { webUrlSchema } from "../security/urls";

/** A photo a wire document carries, before it is stored. */
export type ParsedWirePhoto = {
  href: string;
  caption: string;
  credit: string;
  rights: string;
  altText: string;
  mimeType: string;
  /** The file's bytes when they came with the document (the watched folder). */
  data?: Buffer;
};

/** One wire item as a parser reads it (lib/wire/parse-*.ts), before it is stored. */
export type ParsedWireItem = {
  format: "ninjs" | "newsml-g2" | "rss" | "atom";
  guid: string;
  version: number;
  agency: string;
  headline: string;
  /** The copy as HTML (converted to the body document with the import's converter) or as plain text. */
  bodyHtml: string;
  byline: string;
  dateline: string;
  priority: number | null;
  urgency: number | null;
  embargoAt: Date | null;
  language: string;
  link: string | null;
  status: WireStatus;
  statusNote: string;
  versionAt: Date | null;
  photos: ParsedWirePhoto[];
  raw: string;
};

export const WIRE_STATUS_LABELS: Record<WireStatus, string> = { USABLE: "Usable", WITHDRAWN: "Withdrawn", KILLED: "Killed" };

export const WIRE_FORMAT_LABELS: Record<ParsedWireItem["format"], string> = {
  ninjs: "ninjs",
  "newsml-g2": "NewsML-G2",
  rss: "RSS",
  atom: "Atom",
};

/** The desk's list: text search and an agency filter (search params, parsed). */
export const wireListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  agency: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type WireListQuery = z.output<typeof wireListQuerySchema>;

/** Take an item into a draft story. `again`: the editor confirmed a second story from an item already taken. */
export const takeWireItemSchema = z.object({
  id: z.string().min(1),
  sectionId: z.string().trim().max(64).nullish(),
  again: z.coerce.boolean().default(false),
});
export type TakeWireItemInput = z.input<typeof takeWireItemSchema>;

/** A feed an admin adds on the wire desk. */
export const wireFeedSchema = z.object({
  name: z.string().trim().min(1, "Name the feed.").max(100, "Names can be at most 100 characters."),
  url: webUrlSchema,
  agency: z.string().trim().min(1, "Say which agency the feed is from.").max(100, "Agency names can be at most 100 characters."),
  intervalMin: z.coerce
    .number({ error: "Enter minutes between fetches." })
    .int("Enter whole minutes.")
    .min(5, "Fetch a feed at most every 5 minutes.")
    .max(1440, "Fetch a feed at least once a day."),
});
export type WireFeedInput = z.input<typeof wireFeedSchema>;

export const wireFeedIdSchema = z.object({ id: z.string().min(1) });

/** Longest wire document accepted by push, folder or feed. */
export const MAX_WIRE_DOCUMENT_BYTES = 5_000_000;

/** How the desk names how an item came (its `via`: "push", "folder", "feed:<feed id>"). */
export const wireRouteLabel = (via: string) => (via.startsWith("feed:") ? "polled feed" : via);
