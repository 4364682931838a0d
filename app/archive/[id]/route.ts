import { archiveOriginHost, isArchiveOriginHost } from "@/lib/sources/archive-origin";
import { isRecordId } from "@/lib/db/record-id";
import { getSiteSettings } from "@/lib/cache/public-data";
import { getArchivedCopy } from "@/lib/sources/queries";
import { ARCHIVE_CSP, renderArchivePage } from "@/lib/sources/archive-page";

// GET /archive/<captureId> – an archived copy of a source, as plain sanitised text (public; no session read).
// With DATELINE_ARCHIVE_ORIGIN set, only requests for that host are answered (the copies live on another origin).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const notHere = () =>
    new Response("No archived copy at this address.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "content-security-policy": ARCHIVE_CSP, "cache-control": "no-store" },
    });
  if (!isRecordId(id)) return notHere();
  if (archiveOriginHost() && !isArchiveOriginHost(request.headers.get("host"))) return notHere();
  const copy = await getArchivedCopy(id);
  if (!copy) return notHere();
  const settings = await getSiteSettings();
  return new Response(renderArchivePage(copy, settings.siteName, settings.timeZone), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": ARCHIVE_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex, noarchive",
      "cross-origin-resource-policy": "same-origin",
      // A copy never changes under its address, but goes when its source leaves the story or the
      // story is taken down, and nothing purges it by tag: shared caches keep it a minute, never stale.
      "cache-control": "public, max-age=0, s-maxage=60",
    },
  });
}
