import type { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { fromEnvironment, withSaved } from "./queries";
import { SETTING_KEYS, updateSettingsSchema, type SiteSettings } from "./schema";

type SettingValues = Pick<SiteSettings, (typeof SETTING_KEYS)[number]>;

/** The settings' stored values, without their version. */
const settingValues = (settings: SettingValues): SettingValues =>
  Object.fromEntries(SETTING_KEYS.map((key) => [key, settings[key]])) as SettingValues;

/** Saves the settings; refused with a conflict when someone saved them after `version`. */
export async function updateSettings(viewer: Viewer, input: z.input<typeof updateSettingsSchema>): Promise<SiteSettings> {
  assertPermission(viewer, "settings.manage");
  const data = parseOrThrow(updateSettingsSchema, input);
  const saved = await db.$transaction(async (tx) => {
    const before = withSaved(fromEnvironment(), await tx.setting.findMany({ where: { key: { in: [...SETTING_KEYS] } } }));
    if (before.version !== data.version) {
      throw new AppError(
        "conflict",
        "Someone saved the settings after you opened them. Reload to see theirs; what you typed is still in the form.",
      );
    }
    // One time for every key: the version of this save. Never equal to the one it replaces.
    const updatedAt = new Date(Math.max(Date.now(), before.version ? new Date(before.version).getTime() + 1 : 0));
    for (const key of SETTING_KEYS) {
      await tx.setting.upsert({ where: { key }, create: { key, value: data[key], updatedAt }, update: { value: data[key], updatedAt } });
    }
    const after = settingValues(data);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: "site",
      data: { before: settingValues(before), after },
    });
    return { ...after, version: updatedAt.toISOString() };
  });
  return saved;
}
