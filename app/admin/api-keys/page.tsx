import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/apikeys/queries";
import { API_KEY_SCOPE_LABELS } from "@/lib/apikeys/schema";
import { listUsers } from "@/lib/users/admin";
import { formatDateTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { DataTable } from "@/components/admin/data-table";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyButton } from "./revoke-key-button";

export const metadata: Metadata = { title: "API keys" };

const SCOPE_SHORT = { READ: "Read", READ_WRITE: "Read and write", WIRE: "Wire desk" } as const;

export default async function ApiKeysPage() {
  const viewer = await requirePermission("apikey.manage", "/admin/api-keys");
  const { timeZone } = await getSiteSettings();
  const [keys, users] = await Promise.all([listApiKeys(viewer), listUsers(viewer)]);
  return (
    <>
      <h1>API keys</h1>
      <p className="muted">
        Programs use a key to read the desk’s stories and, with a read and write key, to create, edit, move and correct them through{" "}
        <Link href="/api/v1/docs" prefetch={false}>
          the API
        </Link>
        , acting as the key’s user with that user’s permissions. Published stories can be read without a key.
      </p>
      <CreateKeyForm
        users={users.filter((u) => !u.disabled).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }))}
        scopes={Object.entries(API_KEY_SCOPE_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <DataTable>
        <thead>
          <tr>
            <th>Name</th>
            <th>Acts as</th>
            <th>May</th>
            <th>Made</th>
            <th>Last used</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {keys.length === 0 ? (
            <tr>
              <td colSpan={6}>No keys yet.</td>
            </tr>
          ) : null}
          {keys.map((k) => (
            <tr key={k.id} data-testid={`api-key-${k.name}`}>
              <td>
                <strong>{k.name}</strong>
                <div className="muted">
                  <code>{k.prefix}…</code>
                </div>
              </td>
              <td>
                {k.user.name}
                <div className="muted">{k.user.email}</div>
              </td>
              <td>{SCOPE_SHORT[k.scope]}</td>
              <td>{formatDateTime(k.createdAt, timeZone)}</td>
              <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, timeZone) : "Never"}</td>
              <td>
                {k.revokedAt ? (
                  <span className="badge disabled">Revoked {formatDateTime(k.revokedAt, timeZone)}</span>
                ) : (
                  <RevokeKeyButton id={k.id} name={k.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
