"use server";

import { headers } from "next/headers";
import { authedAction } from "@/lib/auth/action";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { changePassword } from "@/lib/users/profile";
import { changePasswordSchema } from "@/lib/users/schema";

// Change the signed-in user's own password (any signed-in user, also one still on a temporary password).
export const changePasswordAction = authedAction(
  changePasswordSchema,
  async (input, viewer) => changePassword(viewer, input, clientIpFromHeaders(await headers())),
  { allowTemporaryPassword: true },
);
