import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { listAuthors } from "@/lib/authors/queries";
import { listUsers } from "@/lib/users/admin";
import { formatDateTime, formatTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";
import { TwoFactorPolicyForm } from "./two-factor-policy-form";
import { mailConfigured } from "@/lib/mail/transport";
import { isTwoFactorRequired } from "@/lib/two-factor/queries";
import { userRowPolicy } from "@/lib/users/policy";
import { DataTable } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await requirePermission("user.manage", "/admin/users");
  const { timeZone } = await getSiteSettings();
  const [users, authors, twoFactorRequired] = await Promise.all([listUsers(viewer), listAuthors(), isTwoFactorRequired()]);
  const canMail = mailConfigured();
  return (
    <>
      <h1>Users</h1>
      <CreateUserForm />
      <TwoFactorPolicyForm required={twoFactorRequired} />
      <DataTable>
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Byline</th>
            <th>Last sign-in</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.email}`}>
              <td>
                <strong>{u.name}</strong> {u.disabled ? <span className="badge disabled">Disabled</span> : null}
                {u.mustChangePassword ? <span className="badge">Temporary password</span> : null}
                {u.twoFactor?.enabledAt ? <span className="badge">Two-factor</span> : null}
                <div className="muted">{u.email}</div>
                {u.lockedUntil ? <div className="badge locked">Sign-in locked until {formatTime(u.lockedUntil, timeZone)}</div> : null}
              </td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.author?.name ?? "—"}</td>
              <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, timeZone) : "Never"}</td>
              <td>
                <UserRowActions
                  user={{
                    id: u.id,
                    name: u.name,
                    role: u.role,
                    disabled: u.disabled,
                    authorId: u.author?.id ?? null,
                    twoFactor: !!u.twoFactor?.enabledAt,
                    locked: !!u.lockedUntil,
                  }}
                  canMail={canMail}
                  authors={authors}
                  policy={userRowPolicy(viewer, u.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
