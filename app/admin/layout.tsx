import type { Metadata } from "next";
import Link from "next/link";
import { NavLink } from "@/components/admin/nav-link";
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
            <NavLink href="/admin">Stories</NavLink>
          </li>
          <li>
            <NavLink href="/admin/media">Photos</NavLink>
          </li>
          {hasPermission(viewer.role, "wire.view") ? (
            <li>
              <NavLink href="/admin/wire">Wire</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "front.arrange") ? (
            <li>
              <NavLink href="/admin/front">Front page</NavLink>
            </li>
          ) : null}
          <li>
            <NotificationsLink viewer={viewer} />
          </li>
          {hasPermission(viewer.role, "author.manage") ? (
            <li>
              <NavLink href="/admin/bylines">Bylines</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "source.review") ? (
            <li>
              <NavLink href="/admin/sources">Sources to look at</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "audit.view") ? (
            <li>
              <NavLink href="/admin/audit">Audit log</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "section.manage") ? (
            <li>
              <NavLink href="/admin/sections">Sections</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "user.manage") ? (
            <li>
              <NavLink href="/admin/users">Users</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "settings.manage") ? (
            <li>
              <NavLink href="/admin/settings">Settings</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "import.run") ? (
            <li>
              <NavLink href="/admin/import">Import</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "apikey.manage") ? (
            <li>
              <NavLink href="/admin/api-keys">API keys</NavLink>
            </li>
          ) : null}
          {hasPermission(viewer.role, "webhook.manage") ? (
            <li>
              <NavLink href="/admin/webhooks">Webhooks</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink href="/admin/profile">Your profile</NavLink>
          </li>
          <li>
            <a href="/" target="_blank" rel="noreferrer">
              View site
            </a>
          </li>
        </ul>
        <div className="admin-who" data-testid="signed-in-as">
          <span className="signed-in-as">Signed in as </span>
          <strong>{viewer.name}</strong>
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
