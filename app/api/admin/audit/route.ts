import { withAuth } from "@/lib/auth/route";
import { auditFilterSchema, listAuditLog } from "@/lib/audit/queries";
import { getSiteSettings } from "@/lib/cache/public-data";

// GET /api/admin/audit?story=&q=&actor=&page= – the audit log as sentences, filtered by story and by person (editors and admins).
export const GET = withAuth(
  async (request, { viewer }) => {
    const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { timeZone } = await getSiteSettings();
    const { entries, ...rest } = await listAuditLog(viewer, filter, timeZone);
    return Response.json({ events: entries, ...rest, timeZone });
  },
  { permission: "audit.view" },
);
