import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission, ROLE_LABELS } from "@/lib/auth/permissions";
import { getSiteSettings } from "@/lib/cache/public-data";
import { TypedEarlyCapture } from "@/components/forms/typed-early-capture";
import { TypedEarlyDone } from "@/components/forms/use-typed-early";
import { SignOutButton } from "./sign-out-button";
import { NotificationsLink } from "./notifications/notifications-link";

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await getSiteSettings();
  return { title: { default: "Desk", template: `%s · ${siteName} admin` }, robots: { index: false } };
}

// Chrome only: each page checks its own access (requireUser / requirePermission).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await getCurrentUser();
  if (!viewer) return <>{children}</>;
  const { siteName } = await getSiteSettings();
  return (
    <div className="admin-shell">
      {/* Records what is typed before the page's scripts run, until it has hydrated (components/forms/typed-early.ts). */}
      <TypedEarlyCapture />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="admin-nav" aria-label="Admin">
        <Link href="/admin" className="brand">
          {siteName}
        </Link>
        <ul>
          <li>
            <Link href="/admin">Stories</Link>
          </li>
          <li>
            <Link href="/admin/media">Photos</Link>
          </li>
          {hasPermission(viewer.role, "wire.view") ? (
            <li>
              <Link href="/admin/wire">Wire</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "front.arrange") ? (
            <li>
              <Link href="/admin/front">Front page</Link>
            </li>
          ) : null}
          <li>
            <NotificationsLink viewer={viewer} />
          </li>
          {hasPermission(viewer.role, "author.manage") ? (
            <li>
              <Link href="/admin/bylines">Bylines</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "source.review") ? (
            <li>
              <Link href="/admin/sources">Sources to look at</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "audit.view") ? (
            <li>
              <Link href="/admin/audit">Audit log</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "section.manage") ? (
            <li>
              <Link href="/admin/sections">Sections</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "user.manage") ? (
            <li>
              <Link href="/admin/users">Users</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "settings.manage") ? (
            <li>
              <Link href="/admin/settings">Settings</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "import.run") ? (
            <li>
              <Link href="/admin/import">Import</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "apikey.manage") ? (
            <li>
              <Link href="/admin/api-keys">API keys</Link>
            </li>
          ) : null}
          {hasPermission(viewer.role, "webhook.manage") ? (
            <li>
              <Link href="/admin/webhooks">Webhooks</Link>
            </li>
          ) : null}
          <li>
            <Link href="/admin/profile">Your profile</Link>
          </li>
          <li>
            <a href="/" target="_blank" rel="noreferrer">
              View site
            </a>
          </li>
        </ul>
        <div className="admin-who" data-testid="signed-in-as">
          Signed in as <strong>{viewer.name}</strong>
          <span className="role">{ROLE_LABELS[viewer.role]}</span>
          <div className="muted">{viewer.email}</div>
          <SignOutButton />
        </div>
      </nav>
      <main id="main" className="admin-main">
        {children}
      </main>
      <TypedEarlyDone />
    </div>
  );
}
