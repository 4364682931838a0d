import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { readSettingsAsSaved } from "@/lib/settings/queries";
import { timeZoneNames } from "@/lib/settings/schema";
import { languageName, languageOptions } from "@/lib/settings/language";
import { formatDateTime } from "@/lib/format/time";
import { SettingsForm } from "./settings-form";
import { readArchiveOptOut } from "@/lib/sources/queries";
import { ArchiveOptOutForm } from "./archive-opt-out-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage", "/admin/settings");
  // Read fresh, not cached: a save must start from the version in the database.
  const [{ settings, ignored }, optOut] = await Promise.all([readSettingsAsSaved(), readArchiveOptOut()]);
  return (
    <>
      <h1>Settings</h1>
      <p className="muted">
        The newsroom&apos;s name, the time zone every published and updated time is shown in, and the language its stories are written in,
        on every page, feed and sitemap.
      </p>
      <SettingsForm
        settings={settings}
        ignored={ignored}
        timeZones={timeZoneNames(settings.timeZone)}
        now={formatDateTime(new Date(), settings.timeZone)}
        language={{
          name: languageName(settings.language),
          options: languageOptions(),
        }}
      />
      <ArchiveOptOutForm hosts={optOut.hosts} version={optOut.version} />
    </>
  );
}
