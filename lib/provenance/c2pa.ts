import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { initSync, WasmBuilder, WasmReader } from "@contentauth/c2pa-wasm";
import { env } from "../env";
import { log } from "../log";
import type { ClaimSigner } from "./cose";
import type { CredentialAction, CredentialIngredient, CredentialSummary } from "./schema";

/**
 * Content Credentials (C2PA) through @contentauth/c2pa-wasm: the Content Authenticity
 * Initiative's own Rust SDK (c2pa-rs) compiled to WebAssembly. It ships as a .wasm file inside the
 * npm package (nothing is downloaded at install or at run time, unlike the native
 * @contentauth/c2pa-node), reads and validates manifests in JPEG, PNG, WebP, AVIF and GIF, and signs.
 * It never reaches the network here: remote manifests and OCSP are not fetched (settings below).
 */

let ready = false;
function load() {
  if (ready) return;
  // The package's loader fetches the .wasm by URL; give it the bytes from node_modules instead.
  const wasmPath = createRequire(path.join(process.cwd(), "package.json")).resolve("@contentauth/c2pa-wasm/c2pa.wasm");
  initSync({ module: fs.readFileSync(wasmPath) });
  // The builder reads its source through the worker-only FileReaderSync: serve it from the bytes
  // of a BytesBlob (below), which is all Dateline ever hands the builder.
  const g = globalThis as { FileReaderSync?: unknown };
  g.FileReaderSync ??= class {
    readAsArrayBuffer(blob: Blob) {
      if (!(blob instanceof BytesBlob)) throw new Error("Only in-memory blobs can be read here.");
      const u = blob.held;
      return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength);
    }
  };
  ready = true;
}

/** A Blob whose bytes can be read synchronously (the builder's stream reads slices of it). */
class BytesBlob extends Blob {
  constructor(readonly held: Uint8Array) {
    super([]);
  }
  override get size() {
    return this.held.length;
  }
  override slice(start = 0, end = this.held.length): Blob {
    return new BytesBlob(this.held.subarray(start, end));
  }
}

/** The trust list: PEM root certificates whose signers count as trusted (DATELINE_C2PA_TRUST_ANCHORS, a file). */
let anchorsCache: { file: string; pem: string } | null = null;
function trustAnchors(file = env.DATELINE_C2PA_TRUST_ANCHORS): string | undefined {
  if (!file) return undefined;
  if (anchorsCache?.file !== file) anchorsCache = { file, pem: fs.readFileSync(file, "utf8") };
  return anchorsCache.pem;
}

/** c2pa-rs settings: validate fully, but never fetch (no remote manifests, no OCSP, no thumbnails made). */
function settings(anchors: string | undefined): string {
  return JSON.stringify({
    verify: { verify_trust: true, remote_manifest_fetch: false, ocsp_fetch: false, verify_after_sign: true },
    trust: anchors ? { user_anchors: anchors } : {},
    builder: { thumbnail: { enabled: false } },
  });
}

type Status = { code: string; explanation?: string };
type RawManifest = {
  label?: string;
  claim_generator?: string;
  claim_generator_info?: { name?: string; version?: string }[];
  signature_info?: { common_name?: string; issuer?: string; time?: string };
  assertions?: { label?: string; instance?: number; data?: { actions?: RawAction[] } }[];
  ingredients?: { title?: string; format?: string; relationship?: string; active_manifest?: string; thumbnail?: ResourceRef }[];
  /** The claim thumbnail (c2pa-rs lists it here, not among the assertions). */
  thumbnail?: ResourceRef;
};
/** A binary resource of a manifest: its identifier is a JUMBF URI (`self#jumbf=/c2pa/<manifest>/c2pa.assertions/<label>`). */
type ResourceRef = { format?: string; identifier?: string };
type RawAction = {
  action?: string;
  when?: string;
  softwareAgent?: string | { name?: string; version?: string };
  digitalSourceType?: string;
};
export type RawStore = {
  active_manifest?: string;
  manifests?: Record<string, RawManifest>;
  validation_state?: "Invalid" | "Valid" | "Trusted";
  validation_status?: Status[];
};

const cut = (v: unknown, max: number) => (typeof v === "string" ? v.trim().slice(0, max) : "");
const UNTRUSTED = "signingCredential.untrusted";

/** The error c2pa-rs gives for a file without a manifest store. */
const noManifest = (message: string) => /JumbfNotFound|ProvenanceMissing|UnsupportedType/.test(message);

/**
 * The Content Credentials a file carries, validated: null when it carries none. A manifest store
 * that is there but cannot be read or validated is `invalid`, with the reason.
 */
export async function readCredentials(data: Uint8Array, mime: string, anchorsFile?: string): Promise<CredentialSummary | null> {
  let store: RawStore | null;
  try {
    store = await manifestStoreOf(data, mime, anchorsFile);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log("info", "a photo's Content Credentials could not be read", { error: message });
    return emptySummary("invalid", `The Content Credentials could not be read (${message.slice(0, 300)}).`);
  }
  if (!store) return null;
  const active = store.active_manifest ? store.manifests?.[store.active_manifest] : undefined;
  if (!active) return emptySummary("invalid", "The file carries a manifest store without an active manifest.");

  const statuses = store.validation_status ?? [];
  const failures = statuses.filter((s) => s.code !== UNTRUSTED);
  const status =
    store.validation_state === "Trusted"
      ? "trusted"
      : store.validation_state === "Valid" && failures.length === 0
        ? "untrusted"
        : "invalid";
  const reason =
    status === "invalid"
      ? failures.map((s) => `${s.code}${s.explanation ? `: ${s.explanation}` : ""}`).join("; ") || "The manifest does not validate."
      : status === "untrusted"
        ? "The signature validates, but the signer's certificate is not on this newsroom's trust list."
        : "";

  const generator = active.claim_generator_info?.[0];
  const claimGenerator = generator?.name
    ? `${generator.name}${generator.version ? ` ${generator.version}` : ""}`
    : (active.claim_generator ?? "").replace(/\s+c2pa-rs\/.*$/, "");
  const signedAt = active.signature_info?.time ? new Date(active.signature_info.time) : null;

  return {
    status,
    reason: reason.slice(0, 2000),
    manifestLabel: cut(active.label ?? store.active_manifest, 200),
    claimGenerator: cut(claimGenerator, 200),
    signerName: cut(active.signature_info?.common_name, 200),
    signerOrg: cut(active.signature_info?.issuer, 200),
    signedAt: signedAt && !Number.isNaN(signedAt.getTime()) ? signedAt : null,
    actions: actionsOf(active),
    ingredients: ingredientsOf(active),
    manifestCount: Object.keys(store.manifests ?? {}).length,
  };
}

/** The manifest store `data` carries, validated (c2pa-rs's JSON report), or null when it carries none. */
export async function manifestStoreOf(data: Uint8Array, mime: string, anchorsFile?: string): Promise<RawStore | null> {
  load();
  try {
    const reader = await WasmReader.fromBytes(mime, data, settings(trustAnchors(anchorsFile)));
    try {
      return JSON.parse(reader.json()) as RawStore;
    } finally {
      reader.free();
    }
  } catch (error) {
    if (noManifest(error instanceof Error ? error.message : String(error))) return null;
    throw error;
  }
}

function emptySummary(status: "invalid", reason: string): CredentialSummary {
  const fields = { manifestLabel: "", claimGenerator: "", signerName: "", signerOrg: "" };
  return { status, reason, ...fields, signedAt: null, actions: [], ingredients: [], manifestCount: 0 };
}

/** The actions of the active manifest (c2pa.actions and c2pa.actions.v2), without their parameters. */
function actionsOf(m: RawManifest): CredentialAction[] {
  const raw = (m.assertions ?? []).filter((a) => /^c2pa\.actions(\.v\d+)?$/.test(a.label ?? "")).flatMap((a) => a.data?.actions ?? []);
  return raw.slice(0, 50).flatMap((a) => {
    const action = cut(a.action, 200);
    if (!action) return [];
    const agent =
      typeof a.softwareAgent === "string" ? a.softwareAgent : [a.softwareAgent?.name, a.softwareAgent?.version].filter(Boolean).join(" ");
    const out: CredentialAction = { action };
    if (a.when) out.when = cut(a.when, 64);
    if (agent) out.softwareAgent = cut(agent, 200);
    if (a.digitalSourceType) out.digitalSourceType = cut(a.digitalSourceType, 300);
    return [out];
  });
}

function ingredientsOf(m: RawManifest): CredentialIngredient[] {
  return (m.ingredients ?? []).slice(0, 50).map((i) => ({
    title: cut(i.title, 300),
    format: cut(i.format, 100),
    relationship: cut(i.relationship, 50) || "componentOf",
    hasCredentials: !!i.active_manifest,
  }));
}

/** The parent ingredient's label, for a c2pa.opened action's `parameters.ingredientIds`. */
export const PARENT_INGREDIENT = "parent";

/** A manifest to sign: the claim generator, a title and the assertions (c2pa.actions and others). */
export type ManifestDefinition = {
  claim_generator_info: { name: string; version?: string }[];
  title?: string;
  format?: string;
  assertions: { label: string; data: unknown }[];
};

/** A thumbnail to sign with a manifest: a small picture of the asset (cameras and editors add them; Dateline's own claims carry none). */
export type Thumbnail = { mime: string; data: Uint8Array };

/**
 * Signs `data` (its format `mime`) with `manifest`, returning the file with the manifest embedded.
 * `parent`: the file this one was made from; it becomes the parentOf ingredient, carrying its own
 * manifest store along, so the chain continues. `redact`: JUMBF URIs of assertions in the parent's
 * manifests to remove on the way (the C2PA redaction mechanism: location and other EXIF/XMP data,
 * thumbnails). `parent.thumbnail` and `thumbnail`: an ingredient thumbnail and a claim thumbnail
 * (the tests make originals with them, as cameras and editors do).
 */
export async function signWithManifest(
  data: Uint8Array,
  mime: string,
  manifest: ManifestDefinition,
  signer: ClaimSigner,
  parent?: { data: Uint8Array; mime: string; title: string; redact?: string[]; thumbnail?: Thumbnail },
  thumbnail?: Thumbnail,
): Promise<Buffer> {
  load();
  const builder = WasmBuilder.fromJson(JSON.stringify({ ...manifest, format: mime }), settings(undefined));
  try {
    if (parent) {
      const thumbnailRef = parent.thumbnail ? { thumbnail: { format: parent.thumbnail.mime, identifier: "parent-thumbnail" } } : {};
      await builder.addIngredientFromBlob(
        JSON.stringify({ title: parent.title, relationship: "parentOf", label: PARENT_INGREDIENT, ...thumbnailRef }),
        parent.mime,
        new BytesBlob(parent.data),
      );
      if (parent.thumbnail) builder.addResourceFromBlob("parent-thumbnail", new BytesBlob(parent.thumbnail.data));
      for (const uri of parent.redact ?? []) builder.addRedaction(uri, "c2pa.PII.present");
    }
    if (thumbnail) builder.setThumbnailFromBlob(thumbnail.mime, new BytesBlob(thumbnail.data));
    const out = await builder.sign(
      { alg: signer.alg, reserveSize: signer.reserveSize, sign: (bytes) => signer.sign(bytes) as Promise<Uint8Array<ArrayBuffer>> },
      undefined,
      mime,
      new BytesBlob(data),
    );
    return Buffer.from(out);
  } finally {
    builder.free();
  }
}
