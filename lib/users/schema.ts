import { z } from "zod";
import { Role } from "../generated/prisma/enums";
import { isCommonPassword } from "../auth/common-passwords";

export const PASSWORD_MIN = 12;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "Email addresses can be at most 254 characters."));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(200, "Use at most 200 characters.")
  .refine((p) => !isCommonPassword(p), "This password is on the list of commonly used passwords. Choose another.");

export const roleSchema = z.enum(Role, { error: "Choose a role." });

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Names can be at most 120 characters."),
  role: roleSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export const setDisabledSchema = z.object({
  userId: z.string().min(1),
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export const liftLockSchema = z.object({ userId: z.string().min(1) });
export const linkAuthorSchema = z.object({
  userId: z.string().min(1),
  authorId: z
    .string()
    .transform((v) => (v === "" ? null : v))
    .nullable(),
});
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
