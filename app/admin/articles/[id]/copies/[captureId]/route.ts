import { withAuth } from "@/lib/auth/route";
import { getSiteSettings } from "@/lib/cache/public-data";
import { getStoryCopy } from "@/lib/sources/queries";
import { isRecordId } from "@/lib/db/record-id";
import { ARCHIVE_CSP, renderArchivePage } from "@/lib/sources/archive-page";

type Context = { params: Promise<{ id: string; captureId: string }> };

const PRIVATE = {
  "content-security-policy": ARCHIVE_CSP,
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex, noarchive",
} as const;

// GET /admin/articles/:id/copies/:captureId – a story's archived copy of a source, for the desk:
// whatever the story's status (readers' /archive/<id> answers only while the story is live and
// cites it), to whoever may see the story; the same page as readers', under its sandboxing policy.
export const GET = withAuth<Context>(
  async (_request, { params, viewer }) => {
    const { id, captureId } = await params;
    const copy = isRecordId(id) && isRecordId(captureId) ? await getStoryCopy(viewer, id, captureId) : null;
    if (!copy)
      return new Response("No archived copy of this story's at this address.", {
        status: 404,
        headers: { ...PRIVATE, "content-type": "text/plain; charset=utf-8" },
      });
    const settings = await getSiteSettings();
    return new Response(renderArchivePage(copy, settings.siteName, settings.timeZone), {
      headers: { ...PRIVATE, "content-type": "text/html; charset=utf-8" },
    });
  },
  { permission: "desk.view" },
);
