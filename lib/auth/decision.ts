import { AppError } from "../errors";

/**
 * What a policy answers (lib/<domain>/policy.ts): allowed, or refused with the kind of refusal
 * and the sentence the user sees. The UI asks a policy what to offer; the mutation asks the same
 * policy and throws its refusal.
 */
export type Decision = { allowed: true } | { allowed: false; code: "forbidden" | "invalid"; reason: string };

export const allow: Decision = { allowed: true };
export const refuse = (code: "forbidden" | "invalid", reason: string): Decision => ({ allowed: false, code, reason });

/** Throws a refusal as the AppError the caller (Server Action, route, API) reports. */
export function orThrow(decision: Decision): void {
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
}
