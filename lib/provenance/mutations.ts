import type { Tx } from "../db";
import { signerWords, type CredentialSummary } from "./schema";

/**
 * Records the Content Credentials a photo's file carried (read by lib/provenance/c2pa.ts), in the
 * transaction that records the photo or its new file: the summary of the previous file goes, and
 * a file without credentials leaves none. Called by the media ingest (lib/media/ingest.ts).
 */
export async function saveCredential(tx: Tx, imageId: string, sha256: string, summary: CredentialSummary | null): Promise<void> {
  await tx.photoCredential.deleteMany({ where: { imageId } });
  if (!summary) return;
  await tx.photoCredential.create({
    data: {
      imageId,
      sha256,
      status: summary.status,
      reason: summary.reason,
      manifestLabel: summary.manifestLabel,
      claimGenerator: summary.claimGenerator,
      signerName: summary.signerName,
      signerOrg: summary.signerOrg,
      signedAt: summary.signedAt,
      actions: summary.actions,
      ingredients: summary.ingredients,
      manifestCount: summary.manifestCount,
    },
  });
}

/** What the audit log keeps of a photo's credentials: their status and signer (never the manifest); nothing for a file without. */
export function credentialAudit(summary: CredentialSummary | null) {
  if (!summary) return {};
  return {
    credentials: summary.status,
    credentialsSigner: summary.signerName || summary.signerOrg ? signerWords(summary) : undefined,
    credentialsReason: summary.reason || undefined,
  };
}
