import fs from "node:fs";
import { env } from "../env";
import { log } from "../log";
import { manifestStoreOf, PARENT_INGREDIENT, signWithManifest } from "./c2pa";
import { coseSigner, type ClaimSigner } from "./cose";

/**
 * Signing the photos readers get with the newsroom's own certificate (DATELINE_C2PA_CERT, a PEM
 * chain, end-entity first, and DATELINE_C2PA_KEY, its PEM private key): each resized variant gets
 * a manifest of its own ("Dateline opened the original, resized it, converted it"), with the
 * original as its parentOf ingredient, so the original's Content Credentials travel with it and the
 * chain survives resizing. Location and other EXIF/XMP/IPTC assertions of the original's manifests,
 * and their thumbnails (the whole frame, whatever the crop), are redacted on the way (the C2PA
 * redaction mechanism), so no served photo carries them.
 */

let cached: ClaimSigner | null = null;

/** The newsroom's signer, or null when signing is not configured (lib/env.ts checks both are set). Read from the files at first use. */
export function newsroomSigner(): ClaimSigner | null {
  const certFile = env.DATELINE_C2PA_CERT;
  const keyFile = env.DATELINE_C2PA_KEY;
  if (!certFile || !keyFile) return null;
  cached ??= coseSigner(fs.readFileSync(certFile, "utf8"), fs.readFileSync(keyFile, "utf8"));
  return cached;
}

/**
 * The assertions kept in the chain readers get: the bindings (which cannot be redacted), what was
 * done, the ingredients and soft bindings. Every other assertion is redacted — EXIF, IPTC, XMP,
 * metadata, thumbnails, and any vendor's own — so nothing that may hold a location, a device
 * serial or other personal data travels with a served photo, whatever label it carries.
 */
const KEPT_ASSERTION = /^c2pa\.(hash\.|actions(\.v\d+)?$|ingredient(\.v\d+)?$|soft-binding)/;

/**
 * The JUMBF URIs of every private assertion in the manifests `data` carries (all of them: the whole
 * chain travels). c2pa-rs's report lists thumbnails apart from the other assertions: a manifest's
 * claim thumbnail as its `thumbnail`, an ingredient's as the ingredient's `thumbnail` (often the
 * ingredient's own claim thumbnail, one manifest down). They are the picture before any crop, so
 * they go too, wherever they sit; one that cannot be redacted fails the signing (the photo goes out
 * unsigned rather than with it).
 */
async function privateAssertionUris(data: Uint8Array, mime: string): Promise<string[]> {
  const store = await manifestStoreOf(data, mime);
  if (!store?.manifests) return [];
  const uris = Object.entries(store.manifests).flatMap(([label, manifest]) => [
    ...(manifest.assertions ?? [])
      .filter((a) => !KEPT_ASSERTION.test(a.label ?? ""))
      .map((a) => `self#jumbf=/c2pa/${label}/c2pa.assertions/${a.label}${a.instance && a.instance > 1 ? `__${a.instance - 1}` : ""}`),
    ...[manifest.thumbnail, ...(manifest.ingredients ?? []).map((i) => i.thumbnail)].flatMap((t) =>
      t?.identifier ? [thumbnailUri(label, t.identifier)] : [],
    ),
  ]);
  return [...new Set(uris)];
}

/** A thumbnail's identifier (a JUMBF URI, absolute or relative to the manifest `label`) as the absolute URI of its assertion. */
function thumbnailUri(label: string, identifier: string): string {
  const path = identifier.replace(/^self#jumbf=/, "");
  const uri = path.startsWith("/c2pa/") ? `self#jumbf=${path}` : `self#jumbf=/c2pa/${label}/${path.replace(/^\//, "")}`;
  if (!identifier.startsWith("self#jumbf=") || !/^self#jumbf=\/c2pa\/[^/]+\/c2pa\.assertions\/[^/]+$/.test(uri)) {
    throw new Error(`A thumbnail that cannot be redacted: ${identifier.slice(0, 200)}`);
  }
  return uri;
}

const MIME = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" } as const;

/**
 * Signs each variant of a photo with the newsroom's certificate, the original as parent. Returns
 * the variants unchanged when signing is not configured, or when it fails (logged: readers still
 * get the photo, without credentials, rather than no photo).
 */
export async function signVariants<V extends { width: number; format: keyof typeof MIME; data: Buffer }>(
  original: Buffer,
  originalMime: string,
  variants: V[],
  cropped: boolean,
): Promise<V[]> {
  if (!env.DATELINE_C2PA_CERT) return variants;
  try {
    // An unreadable certificate or key fails here, like any signing failure: the photo goes out unsigned.
    const signer = newsroomSigner()!;
    const redact = await privateAssertionUris(original, originalMime);
    const ext = originalMime.split("/")[1] === "jpeg" ? "jpg" : (originalMime.split("/")[1] ?? "bin");
    const signed: V[] = [];
    for (const v of variants) {
      const mime = MIME[v.format];
      const actions = [
        { action: "c2pa.opened", parameters: { ingredientIds: [PARENT_INGREDIENT] } },
        ...(cropped ? [{ action: "c2pa.cropped" }] : []),
        { action: "c2pa.resized" },
        ...(mime !== originalMime ? [{ action: "c2pa.converted" }] : []),
      ];
      const data = await signWithManifest(
        v.data,
        mime,
        {
          claim_generator_info: [{ name: "Dateline" }],
          title: `${v.width}.${v.format}`,
          assertions: [{ label: "c2pa.actions", data: { actions } }],
        },
        signer,
        // "original.jpg": the uploaded file's name is not the readers' business.
        { data: original, mime: originalMime, title: `original.${ext}`, redact },
      );
      signed.push({ ...v, data });
    }
    return signed;
  } catch (error) {
    log("error", "could not sign a photo's variants with the newsroom's Content Credentials", { error: String(error) });
    return variants;
  }
}
