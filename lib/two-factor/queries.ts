import { db } from "../db";
import type { Role } from "../generated/prisma/enums";

/** The Setting row that holds the newsroom's two-factor rule. */
export const TWO_FACTOR_REQUIRED_KEY = "twoFactorRequiredForStaff";

/** The roles the rule covers when it is on. */
export const TWO_FACTOR_REQUIRED_ROLES: readonly Role[] = ["EDITOR", "ADMIN"];

/** Whether admins have required two-factor sign-in for editors and admins. */
export async function isTwoFactorRequired(): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: TWO_FACTOR_REQUIRED_KEY }, select: { value: true } });
  return row?.value === "true";
}

/** Whether a user of `role` without two-factor must enrol before using the desk. */
export async function mustEnrolTwoFactor(role: Role, enrolled: boolean): Promise<boolean> {
  if (enrolled || !TWO_FACTOR_REQUIRED_ROLES.includes(role)) return false;
  return isTwoFactorRequired();
}

/** A user's two-factor state for their profile: off, enrolment begun, or on (with unused recovery codes). */
export async function getTwoFactorStatus(userId: string) {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true, createdAt: true } });
  const recoveryCodesLeft = row?.enabledAt ? await db.recoveryCode.count({ where: { userId, usedAt: null } }) : 0;
  return {
    state: !row ? ("off" as const) : row.enabledAt ? ("on" as const) : ("pending" as const),
    enabledAt: row?.enabledAt ?? null,
    recoveryCodesLeft,
  };
}

/** Whether a user has two-factor sign-in on (the sign-in form then asks for a code). */
export async function hasTwoFactor(userId: string): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return !!row?.enabledAt;
}
