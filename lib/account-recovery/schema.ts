import { z } from "zod";
import { emailSchema, newPasswordSchema } from "../users/schema";

/** "Forgot password": the address to send a reset link to. */
export const requestPasswordResetSchema = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetSchema>;

/** The reset form: the link's token and the new password (the same rules as everywhere). */
export const resetPasswordSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is not valid. Ask for a new one."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** An admin sending a reset link to a user from the users screen. */
export const sendResetLinkSchema = z.object({ userId: z.string().min(1) });
