import { z } from "zod";

/** A six-digit code from the authenticator app (spaces allowed as typed). */
export const totpCodeSchema = z
  .string()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the six-digit code your authenticator app shows."));

export const confirmEnrolmentSchema = z.object({ code: totpCodeSchema });

/** Turning two-factor off, or making new recovery codes: the current password again. */
export const confirmWithPasswordSchema = z.object({ password: z.string().min(1, "Enter your current password.").max(200) });

/** An admin resetting a user's two-factor (lost phone and codes). */
export const resetTwoFactorSchema = z.object({ userId: z.string().min(1) });

/** The newsroom rule: editors and admins must use two-factor sign-in. */
export const setTwoFactorRequiredSchema = z.object({
  required: z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]),
});
