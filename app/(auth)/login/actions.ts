"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/auth/action";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { requestPasswordReset, resetPasswordWithToken } from "@/lib/account-recovery/mutations";
import { requestPasswordResetSchema, resetPasswordSchema } from "@/lib/account-recovery/schema";

// "Forgot password": mail a reset link (anyone; the same answer whether or not the address has an account; throttled).
export const requestPasswordResetAction = publicAction(requestPasswordResetSchema, async (input) =>
  requestPasswordReset(input, clientIpFromHeaders(await headers())),
);

// Choose a new password through a reset link (anyone holding a usable link; throttled).
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input) =>
  resetPasswordWithToken(input, clientIpFromHeaders(await headers())),
);
