import { z } from "zod";
import { headers } from "next/headers";
import { isSameOriginRequest } from "../security/same-origin";
import { getCurrentUser } from "./session";
import { hasPermission, type Permission } from "./permissions";
import { assertPasswordChosen, assertTwoFactorReady, type Viewer } from "./viewer";
import { AppError, invalidInput, toActionResult, type ActionResult } from "../errors";
import { wellFormed } from "../format/text";

/**
 * Builds a Server Action that refuses cross-site calls, authenticates the caller (from the
 * database, this request), checks the permission the action declares, parses the input with `schema`, and
 * turns anything thrown into an ActionResult. Every action goes through it.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, viewer: Viewer) => Promise<T>,
  // permission: what the caller's role must allow, declared where the action is exported (lib/auth/permissions.ts);
  // the domain function then applies the per-record policy. allowTemporaryPassword: the one action open
  // to a user who must still replace an admin's temporary password.
  options: { permission: Permission; allowTemporaryPassword?: boolean },
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (raw) => {
    let viewer: Viewer | null = null;
    try {
      // proxy.ts refuses cross-site Server Action calls before they get here; this holds even
      // if a deployment runs without it (or a matcher change lets one through).
      if (!isSameOriginRequest({ method: "POST", headers: await headers() }))
        throw new AppError("forbidden", "Cross-site request refused.");
      viewer = await getCurrentUser();
      if (!viewer) throw new AppError("unauthorized", "Your session has ended. Sign in again; your input is still here.");
      if (!options.allowTemporaryPassword) assertPasswordChosen(viewer);
      // The profile screen's actions (allowTemporaryPassword) are also the ones open before a required two-factor set-up.
      if (!options.allowTemporaryPassword) assertTwoFactorReady(viewer);
      if (!hasPermission(viewer.role, options.permission)) {
        throw new AppError("forbidden", "Your role does not allow this.");
      }
      const parsed = schema.safeParse(wellFormed(raw instanceof FormData ? formDataToObject(raw) : raw));
      if (!parsed.success) throw invalidInput(parsed.error);
      return { ok: true, data: await fn(parsed.data, viewer) };
    } catch (error) {
      return toActionResult(error, { userId: viewer?.id });
    }
  };
}

/** FormData as a plain object; repeated names become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

/**
 * Builds a Server Action open to anyone (forgot password, reset through a link): it refuses
 * cross-site calls, parses the input with `schema` and turns anything thrown into an
 * ActionResult, like authedAction, but reads no session. The function does its own throttling.
 */
export function publicAction<S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      if (!isSameOriginRequest({ method: "POST", headers: await headers() }))
        throw new AppError("forbidden", "Cross-site request refused.");
      const parsed = schema.safeParse(wellFormed(raw instanceof FormData ? formDataToObject(raw) : raw));
      if (!parsed.success) throw invalidInput(parsed.error);
      return { ok: true, data: await fn(parsed.data) };
    } catch (error) {
      return toActionResult(error);
    }
  };
}
