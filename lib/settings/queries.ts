import { db, type Tx } from "../db";
import { env, isTimeZone } from "../env";
import { DEFAULT_DESCRIPTION, SETTING_KEYS, type SiteSettings } from "./schema";
import { canonicalLanguage, DEFAULT_LANGUAGE } from "./language";

/**
 * The settings in force: the saved ones, or the environment's (DATELINE_SITE_NAME,
 * DATELINE_TIMEZONE; English stories) until an admin first saves them. Read from the database; public pages read
 * them through the cached getSiteSettings (lib/cache/public-data.ts), expired by every save.
 */
export async function readSiteSettings(client: Tx | typeof db = db): Promise<SiteSettings> {
  return (await readSettingsAsSaved(client)).settings;
}

/** A saved setting this runtime no longer takes, and so ignores: a time zone it does not know, a language tag it refuses. */
export type IgnoredSetting = { key: "timeZone" | "language"; value: string };

/** The settings in force, and the saved values among them that are ignored (the settings page names them). */
export async function readSettingsAsSaved(client: Tx | typeof db = db): Promise<{ settings: SiteSettings; ignored: IgnoredSetting[] }> {
  try {
    const rows = await client.setting.findMany({ where: { key: { in: [...SETTING_KEYS] } } });
    const ignored = rows.flatMap(({ key, value }) =>
      (key === "timeZone" || key === "language") && usable(key, value) === null ? [{ key, value } as IgnoredSetting] : [],
    );
    return { settings: withSaved(fromEnvironment(), rows), ignored };
  } catch (error) {
    // No database yet (a build before the first migration): the environment's values.
    if (process.env.NEXT_PHASE === "phase-production-build") return { settings: fromEnvironment(), ignored: [] };
    throw error;
  }
}

export const fromEnvironment = (): SiteSettings => ({
  siteName: env.DATELINE_SITE_NAME,
  description: DEFAULT_DESCRIPTION,
  timeZone: env.DATELINE_TIMEZONE,
  language: DEFAULT_LANGUAGE,
  version: "",
});

/** The defaults overlaid with the saved keys (a time zone or language tag this runtime no longer knows is ignored). */
export function withSaved(defaults: SiteSettings, rows: { key: string; value: string; updatedAt: Date | string }[]): SiteSettings {
  const settings = { ...defaults };
  for (const { key, value, updatedAt } of rows) {
    const taken = usable(key, value);
    if (taken === null) continue;
    if ((SETTING_KEYS as readonly string[]).includes(key)) settings[key as (typeof SETTING_KEYS)[number]] = taken;
    const at = new Date(updatedAt).toISOString();
    if (at > settings.version) settings.version = at;
  }
  return settings;
}

/** A saved value as it is used (a language tag canonical), or null when this runtime no longer takes it. */
function usable(key: string, value: string): string | null {
  if (key === "timeZone") return isTimeZone(value) ? value : null;
  return key === "language" ? canonicalLanguage(value) : value;
}
