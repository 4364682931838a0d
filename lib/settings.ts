import { z } from "zod";
import { db } from "./db";
import { recordAudit } from "./audit/mutations";
import { assertPermission, type Viewer } from "./auth/viewer";
import { env, isTimeZone } from "./env";
import { AppError, parseOrThrow } from "./errors";

/**
 * The newsroom's settings: its name, a line about it, and the time zone every time is shown in.
 * Stored one row per key in the Setting table. `version` is the time of the latest save ("" before
 * the first), which a save must start from.
 */
export type SiteSettings = { siteName: string; description: string; timeZone: string; version: string };
const KEYS = ["siteName", "description", "timeZone"] as const;

export const DEFAULT_DESCRIPTION = "Independent news, with its sources.";

/**
 * The settings in force: the saved ones, or the environment's (DATELINE_SITE_NAME,
 * DATELINE_TIMEZONE) until an admin first saves them. Read from the database; public pages read
 * them through the cached getSiteSettings (lib/public-data.ts), expired by every save.
 */
export async function readSiteSettings(): Promise<SiteSettings> {
  try {
    return withSaved(fromEnvironment(), await db.setting.findMany({ where: { key: { in: [...KEYS] } } }));
  } catch (error) {
    // No database yet (a build before the first migration): the environment's values.
    if (process.env.NEXT_PHASE === "phase-production-build") return fromEnvironment();
    throw error;
  }
}

const fromEnvironment = (): SiteSettings => ({
  siteName: env.DATELINE_SITE_NAME,
  description: DEFAULT_DESCRIPTION,
  timeZone: env.DATELINE_TIMEZONE,
  version: "",
});

/** The defaults overlaid with the saved keys (a time zone this runtime no longer knows is ignored). */
function withSaved(defaults: SiteSettings, rows: { key: string; value: string; updatedAt: Date | string }[]): SiteSettings {
  const settings = { ...defaults };
  for (const { key, value, updatedAt } of rows) {
    if (key === "timeZone" && !isTimeZone(value)) continue;
    if ((KEYS as readonly string[]).includes(key)) settings[key as (typeof KEYS)[number]] = value;
    const at = new Date(updatedAt).toISOString();
    if (at > settings.version) settings.version = at;
  }
  return settings;
}

/** Every time zone the form offers (the IANA names this runtime knows). */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return names.includes("UTC") ? names : ["UTC", ...names];
}

// A name and a description are one line each: they go into titles, meta tags and XML.
const CONTROL = /[\u0000-\u001f\u007f]/;

export const updateSettingsSchema = z.object({
  siteName: z
    .string()
    .trim()
    .min(1, "Give the site a name.")
    .max(80, "The name can be at most 80 characters.")
    .refine((name) => !CONTROL.test(name), "The name cannot contain line breaks or control characters."),
  description: z
    .string()
    .trim()
    .max(200, "The description can be at most 200 characters.")
    .refine((text) => !CONTROL.test(text), "The description cannot contain line breaks or control characters.")
    .default(""),
  timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
  /** The version the admin started from; a later save by someone else is a conflict. */
  version: z.string().max(40),
});

/** Saves the settings; refused with a conflict when someone saved them after `version`. */
export async function updateSettings(viewer: Viewer, input: z.input<typeof updateSettingsSchema>): Promise<SiteSettings> {
  assertPermission(viewer, "settings.manage");
  const data = parseOrThrow(updateSettingsSchema, input);
  const saved = await db.$transaction(async (tx) => {
    const before = withSaved(fromEnvironment(), await tx.setting.findMany({ where: { key: { in: [...KEYS] } } }));
    if (before.version !== data.version) {
      throw new AppError(
        "conflict",
        "Someone saved the settings after you opened them. Reload to see theirs; what you typed is still in the form.",
      );
    }
    // One time for every key: the version of this save. Never equal to the one it replaces.
    const updatedAt = new Date(Math.max(Date.now(), before.version ? new Date(before.version).getTime() + 1 : 0));
    for (const key of KEYS) {
      await tx.setting.upsert({ where: { key }, create: { key, value: data[key], updatedAt }, update: { value: data[key], updatedAt } });
    }
    const after = { siteName: data.siteName, description: data.description, timeZone: data.timeZone };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: "site",
      data: { before: { siteName: before.siteName, description: before.description, timeZone: before.timeZone }, after },
    });
    return { ...after, version: updatedAt.toISOString() };
  });
  return saved;
}
