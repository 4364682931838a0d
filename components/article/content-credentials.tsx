import { formatDateTime } from "@/lib/format/time";
import type { PhotoCredentials } from "@/lib/provenance/dto";
import { credentialStatusWords, type CredentialStatus } from "@/lib/provenance/schema";

const BADGE_CLASS: Record<CredentialStatus, string> = { trusted: "PUBLISHED", untrusted: "SCHEDULED", invalid: "UNPUBLISHED" };

/** "Content Credentials: valid, signed by X" / "signature does not validate" / "none", as a badge. */
export function CredentialsBadge({ credentials }: { credentials: { status: string; signerName: string; signerOrg: string } | null }) {
  const kind = credentials ? (BADGE_CLASS[credentials.status as CredentialStatus] ?? "") : "";
  return (
    <span className={`badge credentials-badge ${kind}`} data-credentials={credentials?.status ?? "none"}>
      Content Credentials: {credentialStatusWords(credentials)}
    </span>
  );
}

/** A time the credentials give, in the newsroom's zone (the one date format readers see everywhere); null when absent or unreadable. */
function formatWhen(iso: string | null, timeZone: string) {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? formatDateTime(date, timeZone) : null;
}

/**
 * What a photo's Content Credentials say, for editors (the photo page) and readers (its
 * credentials view) alike: the status and why, who signed, with what, and what was done. Only the
 * stored summary: no location or other EXIF data ever reaches it (lib/provenance/schema.ts).
 */
export function CredentialDetails({ credentials, timeZone }: { credentials: PhotoCredentials; timeZone: string }) {
  const signedAt = formatWhen(credentials.signedAt, timeZone);
  return (
    <div className="credential-details">
      <p>
        <CredentialsBadge credentials={credentials} />
      </p>
      {credentials.status === "invalid" ? (
        <p className="credential-warning" role="note">
          The signature does not validate: the photo or its record changed after it was signed, or the record is damaged. What it says below
          cannot be relied on. <span className="credential-reason">({credentials.reason})</span>
        </p>
      ) : credentials.status === "untrusted" ? (
        <p className="muted">
          The signature validates: the photo has not changed since it was signed. The signer&rsquo;s certificate is not on this
          newsroom&rsquo;s list of trusted signers, so who signed is what the certificate claims.
        </p>
      ) : (
        <p className="muted">
          The signature validates, and the signer&rsquo;s certificate is on this newsroom&rsquo;s list of trusted signers.
        </p>
      )}
      <dl className="credential-facts">
        {credentials.signer ? (
          <>
            <dt>Signed by</dt>
            <dd>{credentials.signer}</dd>
          </>
        ) : null}
        {signedAt ? (
          <>
            <dt>Signed</dt>
            <dd>{signedAt}</dd>
          </>
        ) : null}
        {credentials.claimGenerator ? (
          <>
            <dt>Made with</dt>
            <dd>{credentials.claimGenerator}</dd>
          </>
        ) : null}
      </dl>
      {credentials.actions.length > 0 ? (
        <>
          <h3>What was done</h3>
          <ol className="credential-actions">
            {credentials.actions.map((a, i) => (
              <li key={i}>
                <strong>{a.label}</strong>
                {a.source ? ` · ${a.source}` : ""}
                {a.softwareAgent ? ` · with ${a.softwareAgent}` : ""}
                {formatWhen(a.when, timeZone) ? ` · ${formatWhen(a.when, timeZone)}` : ""}
                {a.label !== a.action ? <span className="muted"> ({a.action})</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {credentials.ingredients.length > 0 ? (
        <>
          <h3>Made from</h3>
          <ul className="credential-ingredients">
            {credentials.ingredients.map((ing, i) => (
              <li key={i}>
                {ing.title || "An untitled file"}
                {ing.format ? ` (${ing.format})` : ""}
                {ing.hasCredentials ? " · with Content Credentials of its own" : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
