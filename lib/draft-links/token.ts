import crypto from "node:crypto";

/** A new link's secret: 256 random bits. Only its hash is stored; the link is shown to the editor once. */
export function newDraftToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What the database keeps of a token (SHA-256, hex): a stolen database opens no draft. */
export function hashDraftToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export const draftLinkPath = (token: string) => `/draft/${token}`;
