import { z } from "zod";

/**
 * A photo's Content Credentials, as Dateline keeps and shows them. Only what says who made the
 * photo and what was done to it: never location, camera serials or any other EXIF/XMP field a
 * manifest may also carry (those stay in the private original).
 *
 * - trusted: the manifest validates and its signer chains to a certificate on the newsroom's
 *   trust list (DATELINE_C2PA_TRUST_ANCHORS).
 * - untrusted: the manifest validates (nothing was changed since it was signed), but the signer's
 *   certificate is not on the trust list: who signed is what the certificate claims, unverified.
 * - invalid: the manifest does not validate (the photo or the manifest changed after signing, a
 *   broken or expired certificate, a manifest that cannot be read); `reason` says why.
 */
export const CREDENTIAL_STATUSES = ["trusted", "untrusted", "invalid"] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export const credentialActionSchema = z.object({
  action: z.string().max(200),
  when: z.string().max(64).optional(),
  softwareAgent: z.string().max(200).optional(),
  digitalSourceType: z.string().max(300).optional(),
});
export type CredentialAction = z.infer<typeof credentialActionSchema>;

export const credentialIngredientSchema = z.object({
  title: z.string().max(300),
  format: z.string().max(100),
  relationship: z.string().max(50),
  /** Whether the ingredient carried Content Credentials of its own (the chain continues). */
  hasCredentials: z.boolean(),
});
export type CredentialIngredient = z.infer<typeof credentialIngredientSchema>;

/** What lib/provenance/c2pa.ts reads from a file, and the PhotoCredential row holds. */
export type CredentialSummary = {
  status: CredentialStatus;
  reason: string;
  manifestLabel: string;
  claimGenerator: string;
  signerName: string;
  signerOrg: string;
  signedAt: Date | null;
  actions: CredentialAction[];
  ingredients: CredentialIngredient[];
  manifestCount: number;
};

/** Reads the stored JSON columns back, dropping anything that does not fit (older or hand-edited rows). */
export const storedActions = (v: unknown): CredentialAction[] => z.array(credentialActionSchema).catch([]).parse(v);
export const storedIngredients = (v: unknown): CredentialIngredient[] => z.array(credentialIngredientSchema).catch([]).parse(v);

/** The C2PA action names readers and editors see, in words. */
const ACTION_WORDS: Record<string, string> = {
  "c2pa.created": "Created",
  "c2pa.opened": "Opened",
  "c2pa.placed": "Placed",
  "c2pa.edited": "Edited",
  "c2pa.edited.metadata": "Metadata edited",
  "c2pa.color_adjustments": "Colour adjusted",
  "c2pa.cropped": "Cropped",
  "c2pa.resized": "Resized",
  "c2pa.orientation": "Rotated or flipped",
  "c2pa.filtered": "Filtered",
  "c2pa.drawing": "Drawn on",
  "c2pa.converted": "Converted to another format",
  "c2pa.transcoded": "Transcoded",
  "c2pa.repackaged": "Repackaged",
  "c2pa.published": "Published",
  "c2pa.redacted": "Information removed",
  "c2pa.removed": "Content removed",
  "c2pa.unknown": "Unknown change",
};
export const actionWords = (action: string) => ACTION_WORDS[action] ?? action;

/** IPTC digital source types (the ones a newsroom meets), in words. */
const SOURCE_WORDS: Record<string, string> = {
  digitalCapture: "Taken with a camera",
  negativeFilm: "Scanned from film negative",
  positiveFilm: "Scanned from film positive",
  print: "Scanned from a print",
  computationalCapture: "Camera capture with computational processing",
  trainedAlgorithmicMedia: "Made by generative AI",
  compositeWithTrainedAlgorithmicMedia: "Includes generative AI content",
  algorithmicMedia: "Made by an algorithm",
  digitalCreation: "Made with digital software",
  compositeCapture: "Composite of camera captures",
  composite: "Composite",
  screenCapture: "Screen capture",
};
export function sourceTypeWords(url: string): string {
  const code = url.split("/").pop() ?? "";
  return SOURCE_WORDS[code] ?? code;
}

/** Who signed, as people read it: "Northwind Photo Agency (Northwind Test Authority)". */
export function signerWords(c: { signerName: string; signerOrg: string }): string {
  const name = c.signerName || c.signerOrg || "an unnamed signer";
  return c.signerOrg && c.signerOrg !== name ? `${name} (${c.signerOrg})` : name;
}

/** The one-line status the desk's badge and the audit log show. */
export function credentialStatusWords(c: { status: string; signerName: string; signerOrg: string } | null): string {
  if (!c) return "none";
  if (c.status === "trusted") return `valid, signed by ${signerWords(c)}`;
  if (c.status === "untrusted") return `valid, signed by ${signerWords(c)}, a signer not on this newsroom's trust list`;
  return "signature does not validate";
}

/**
 * schema.org's IPTCDigitalSourceEnumeration member for an IPTC digital source type URI, for the
 * ImageObject's `digitalSourceType` in structured data; null for codes it names differently or not at all.
 */
const SCHEMA_ORG_SOURCES = new Set([
  "digitalCapture",
  "negativeFilm",
  "positiveFilm",
  "print",
  "minorHumanEdits",
  "compositeCapture",
  "algorithmicallyEnhanced",
  "dataDrivenMedia",
  "algorithmicMedia",
  "trainedAlgorithmicMedia",
  "compositeWithTrainedAlgorithmicMedia",
  "compositeSynthetic",
  "composite",
  "screenCapture",
  "virtualRecording",
]);
export function schemaOrgSourceType(iptcUri: string): string | null {
  const match = /^https?:\/\/cv\.iptc\.org\/newscodes\/digitalsourcetype\/([A-Za-z]+)$/.exec(iptcUri);
  const code = match?.[1];
  if (!code || !SCHEMA_ORG_SOURCES.has(code)) return null;
  return `https://schema.org/${code[0]!.toUpperCase()}${code.slice(1)}DigitalSource`;
}
