"use server";

import { authedAction } from "@/lib/action";
import { changePassword } from "@/lib/users/profile";
import { changePasswordSchema } from "@/lib/users/schema";

// Change the signed-in user's own password (any signed-in user).
export const changePasswordAction = authedAction(changePasswordSchema, (input, viewer) => changePassword(viewer, input));
