"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { changePassword } from "@/lib/users/profile";
import { changePasswordSchema } from "@/lib/users/schema";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes } from "@/lib/two-factor/mutations";
import { confirmEnrolmentSchema, confirmWithPasswordSchema } from "@/lib/two-factor/schema";

const refreshProfile = <T>(value: T) => {
  revalidatePath("/admin/profile");
  return value;
};

// Change the signed-in user's own password (any signed-in user, also one still on a temporary password).
export const changePasswordAction = authedAction(
  changePasswordSchema,
  async (input, viewer) => changePassword(viewer, input, clientIpFromHeaders(await headers())),
  { permission: "profile.edit", allowTemporaryPassword: true },
);

// Begin setting up two-factor sign-in for oneself (any signed-in user; also one who must still enrol).
export const beginTwoFactorAction = authedAction(
  z.object({}),
  async (_input, viewer) => refreshProfile(await beginTwoFactorEnrolment(viewer)),
  {
    permission: "profile.edit",
    allowTemporaryPassword: true,
  },
);

// Confirm the set-up with a code from the app; returns the ten recovery codes, once (any signed-in user).
export const confirmTwoFactorAction = authedAction(
  confirmEnrolmentSchema,
  async (input, viewer) => refreshProfile(await confirmTwoFactorEnrolment(viewer, input, clientIpFromHeaders(await headers()))),
  { permission: "profile.edit", allowTemporaryPassword: true },
);

// Turn one's own two-factor sign-in off, or cancel a set-up (any signed-in user; current password required).
export const disableTwoFactorAction = authedAction(
  confirmWithPasswordSchema,
  async (input, viewer) => refreshProfile(await disableTwoFactor(viewer, input, clientIpFromHeaders(await headers()))),
  { permission: "profile.edit", allowTemporaryPassword: true },
);

// Replace one's recovery codes with ten new ones (any signed-in user with two-factor on; current password required).
export const regenerateRecoveryCodesAction = authedAction(
  confirmWithPasswordSchema,
  async (input, viewer) => regenerateRecoveryCodes(viewer, input, clientIpFromHeaders(await headers())),
  { permission: "profile.edit", allowTemporaryPassword: true },
);
