import { z } from "zod";
import { isTimeZone } from "../env";
import { languageTagSchema } from "./language";

/**
 * The newsroom's settings: its name, a line about it, the time zone every time is shown in, and the
 * language its stories are written in (a canonical BCP 47 tag; the site's own words stay English).
 * Stored one row per key in the Setting table. `version` is the time of the latest save ("" before
 * the first), which a save must start from.
 */
export type SiteSettings = { siteName: string; description: string; timeZone: string; language: string; version: string };
export const SETTING_KEYS = ["siteName", "description", "timeZone", "language"] as const;

export const DEFAULT_DESCRIPTION = "Independent news, with its sources.";

/** Every time zone the form offers (the IANA names this runtime knows), with `current`, the one in use. */
export function timeZoneNames(current: string): string[] {
  const names = Intl.supportedValuesOf("timeZone").filter((name) => name !== "UTC");
  // The zone in use is always among them: Node 20's list holds only the older names of some zones
  // (Europe/Kiev, Asia/Calcutta) while it accepts the newer (Europe/Kyiv, Asia/Kolkata), and a
  // menu without the zone in use selected its first one, UTC, which the next save stored.
  return ["UTC", ...(current === "UTC" || names.includes(current) ? names : [...names, current].sort())];
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
  // Stored in its canonical form: "nb-no" is saved as nb-NO.
  language: languageTagSchema,
  /** The version the admin started from; a later save by someone else is a conflict. */
  version: z.string().max(40),
});
