import { withAuth } from "@/lib/auth/route";
import { listUsers } from "@/lib/users/admin";

// GET /api/admin/users – every user with role and status (admins).
export const GET = withAuth(async (_request, { viewer }) => Response.json({ users: await listUsers(viewer) }), {
  permission: "user.manage",
});
