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
  try {
    return withSaved(fromEnvironment(), await client.setting.findMany({ where: { key: { in: [...SETTING_KEYS] } } }));
  } catch (error) {
    // No database yet (a build before the first migration): the environment's values.
    if (process.env.NEXT_PHASE === "phase-production-build") return fromEnvironment();
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
    const usable = key === "timeZone" ? (isTimeZone(value) ? value : null) : key === "language" ? canonicalLanguage(value) : value;
    if (usable === null) continue;
    if ((SETTING_KEYS as readonly string[]).includes(key)) settings[key as (typeof SETTING_KEYS)[number]] = usable;
    const at = new Date(updatedAt).toISOString();
    if (at > settings.version) settings.version = at;
  }
  return settings;
}
