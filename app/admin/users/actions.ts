"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { changeUserRole, createUserByAdmin, linkUserAuthor, setUserDisabled } from "@/lib/users/admin";
import { changeRoleSchema, createUserSchema, linkAuthorSchema, setDisabledSchema } from "@/lib/users/schema";

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

// Link a user to their byline (admins).
export const linkAuthorAction = authedAction(linkAuthorSchema, async (input, viewer) => refresh(await linkUserAuthor(viewer, input)), {
  permission: "user.manage",
});
