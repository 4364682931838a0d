"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { changeUserRole, createUserByAdmin, liftSignInLock, linkUserAuthor, setUserDisabled } from "@/lib/users/admin";
import { changeRoleSchema, createUserSchema, liftLockSchema, linkAuthorSchema, setDisabledSchema } from "@/lib/users/schema";
import { makeResetLinkByAdmin, sendResetLinkByAdmin } from "@/lib/account-recovery/mutations";
import { sendResetLinkSchema } from "@/lib/account-recovery/schema";
import { resetTwoFactorByAdmin, setTwoFactorRequired } from "@/lib/two-factor/mutations";
import { resetTwoFactorSchema, setTwoFactorRequiredSchema } from "@/lib/two-factor/schema";

const refresh = <T>(value: T) => {
  revalidatePath("/admin/users");
  return value;
};

// Create a user with a one-time temporary password (admins).
export const createUserAction = authedAction(createUserSchema, async (input, viewer) => refresh(await createUserByAdmin(viewer, input)), {
  permission: "user.manage",
});

// Change a user's role (admins).
export const changeRoleAction = authedAction(changeRoleSchema, async (input, viewer) => refresh(await changeUserRole(viewer, input)), {
  permission: "user.manage",
});

// Disable or re-enable a user (admins).
export const setDisabledAction = authedAction(setDisabledSchema, async (input, viewer) => refresh(await setUserDisabled(viewer, input)), {
  permission: "user.manage",
});

// Lift the lock that failed sign-ins put on a user's account (admins).
export const liftLockAction = authedAction(liftLockSchema, async (input, viewer) => refresh(await liftSignInLock(viewer, input)), {
  permission: "user.manage",
});

// Link a user to their byline (admins).
export const linkAuthorAction = authedAction(linkAuthorSchema, async (input, viewer) => refresh(await linkUserAuthor(viewer, input)), {
  permission: "user.manage",
});

// Mail a user a single-use password reset link (admins).
export const sendResetLinkAction = authedAction(sendResetLinkSchema, async (input, viewer) => sendResetLinkByAdmin(viewer, input), {
  permission: "user.manage",
});

// Make a single-use password reset link for the admin to hand over (admins; no mail needed).
export const makeResetLinkAction = authedAction(sendResetLinkSchema, async (input, viewer) => makeResetLinkByAdmin(viewer, input), {
  permission: "user.manage",
});

// Reset a user's two-factor sign-in (lost phone and codes); their sessions end (admins).
export const resetTwoFactorAction = authedAction(
  resetTwoFactorSchema,
  async (input, viewer) => refresh(await resetTwoFactorByAdmin(viewer, input)),
  {
    permission: "user.manage",
  },
);

// Require two-factor sign-in for editors and admins, or stop requiring it (admins).
export const setTwoFactorRequiredAction = authedAction(
  setTwoFactorRequiredSchema,
  async (input, viewer) => refresh(await setTwoFactorRequired(viewer, input)),
  { permission: "user.manage" },
);
