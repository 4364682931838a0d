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
