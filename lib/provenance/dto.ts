import type { Prisma } from "../generated/prisma/client";
import {
  actionWords,
  credentialStatusWords,
  signerWords,
  sourceTypeWords,
  storedActions,
  storedIngredients,
  type CredentialStatus,
} from "./schema";

/** The columns of a photo's credentials anyone may see: the summary, never the manifest itself. */
export const credentialSelect = {
  status: true,
  reason: true,
  claimGenerator: true,
  signerName: true,
  signerOrg: true,
  signedAt: true,
  actions: true,
  ingredients: true,
  manifestCount: true,
} satisfies Prisma.PhotoCredentialSelect;

type CredentialRow = Prisma.PhotoCredentialGetPayload<{ select: typeof credentialSelect }>;

/** The reader's Content Credentials view of photo `imageId`. */
export const credentialsPath = (imageId: string) => `/photos/${encodeURIComponent(imageId)}/credentials`;

/**
 * A photo's Content Credentials as the desk, readers and the content API get them: the status
 * with its sentence, who signed, with what, and the actions in words. Built from the stored
 * summary alone, which holds no location or other EXIF data (lib/provenance/schema.ts).
 */
export function toCredentials(imageId: string, row: CredentialRow) {
  return {
    status: row.status as CredentialStatus,
    summary: credentialStatusWords(row),
    reason: row.reason,
    claimGenerator: row.claimGenerator,
    signer: row.signerName || row.signerOrg ? signerWords(row) : "",
    signerName: row.signerName,
    signerOrg: row.signerOrg,
    signedAt: row.signedAt?.toISOString() ?? null,
    actions: storedActions(row.actions).map((a) => ({
      action: a.action,
      label: actionWords(a.action),
      when: a.when ?? null,
      softwareAgent: a.softwareAgent ?? null,
      digitalSourceType: a.digitalSourceType ?? null,
      source: a.digitalSourceType ? sourceTypeWords(a.digitalSourceType) : null,
    })),
    ingredients: storedIngredients(row.ingredients),
    manifestCount: row.manifestCount,
    path: credentialsPath(imageId),
  };
}
export type PhotoCredentials = ReturnType<typeof toCredentials>;
