"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { useAction } from "@/components/forms/use-action";
import {
  changeRoleAction,
  liftLockAction,
  linkAuthorAction,
  makeResetLinkAction,
  resetTwoFactorAction,
  sendResetLinkAction,
  setDisabledAction,
} from "./actions";

type Role = "WRITER" | "EDITOR" | "ADMIN";

type Props = {
  user: { id: string; name: string; role: Role; disabled: boolean; authorId: string | null; twoFactor: boolean; locked: boolean };
  /** Whether this site can send mail (DATELINE_SMTP_URL), for the reset link. */
  canMail: boolean;
  authors: { id: string; name: string; userId: string | null }[];
  /** What the users policy (lib/users/policy.ts) allows on this row. */
  policy: { canChangeRole: boolean; canDisable: boolean; canLinkByline: boolean; canResetAccess: boolean; canLiftLock: boolean };
};

export function UserRowActions({ user, authors, policy, canMail }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetLink, setResetLink] = useState<{ url: string; minutes: number } | null>(null);
  const calling = useAction((call: () => Promise<ActionResult<unknown>>) => call());
  const { pending } = calling;
  const run = async <T,>(call: () => Promise<ActionResult<T>>, done: string | ((data: T) => string)) => {
    const r = await calling.run(call);
    if (r) setMessage(r.ok ? { ok: true, text: typeof done === "string" ? done : done(r.data as T) } : { ok: false, text: r.error });
  };

  return (
    <div className="row-actions">
      {policy.canChangeRole ? null : <p className="muted">This is you. Another admin can change your role or access.</p>}
      {policy.canChangeRole ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const role = String(new FormData(e.currentTarget).get("role"));
            run(() => changeRoleAction({ userId: user.id, role: role as Role }), "Role changed.");
          }}
        >
          <label className="visually-hidden" htmlFor={`role-${user.id}`}>
            Role for {user.name}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
            <option value="WRITER">Writer</option>
            <option value="EDITOR">Editor</option>
            <option value="ADMIN">Admin</option>
          </select>
          <button type="submit" className="button secondary" disabled={pending}>
            Save role
          </button>
        </form>
      ) : null}
      {policy.canLinkByline ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const authorId = String(new FormData(e.currentTarget).get("authorId"));
            run(() => linkAuthorAction({ userId: user.id, authorId }), "Byline updated.");
          }}
        >
          <label className="visually-hidden" htmlFor={`author-${user.id}`}>
            Byline for {user.name}
          </label>
          <select id={`author-${user.id}`} name="authorId" defaultValue={user.authorId ?? ""}>
            <option value="">No byline</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id} disabled={!!a.userId && a.userId !== user.id}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button secondary" disabled={pending}>
            Link byline
          </button>
        </form>
      ) : null}
      {policy.canDisable ? (
        <button
          type="button"
          className={user.disabled ? "button secondary" : "button danger"}
          disabled={pending}
          onClick={() =>
            run(
              () => setDisabledAction({ userId: user.id, disabled: !user.disabled }),
              user.disabled ? "Re-enabled." : "Disabled; their sessions have ended.",
            )
          }
        >
          {user.disabled ? "Re-enable" : "Disable"}
        </button>
      ) : null}
      {policy.canLiftLock && user.locked ? (
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => liftLockAction({ userId: user.id }),
              ({ lifted }) =>
                lifted
                  ? `Lock lifted: ${user.name} can sign in again. From a browser they have not signed in with before, failed sign-ins at other accounts from the same network may still hold them back until those failures are 15 minutes old.`
                  : `${user.name}'s lock had already ended: there was nothing to lift.`,
            )
          }
        >
          Lift sign-in lock
        </button>
      ) : null}
      {policy.canResetAccess && canMail ? (
        <button
          type="button"
          className="button secondary"
          disabled={pending || user.disabled}
          onClick={() => {
            setResetLink(null);
            run(() => sendResetLinkAction({ userId: user.id }), `Reset link sent to ${user.name}. It works once, for one hour.`);
          }}
        >
          Send reset link
        </button>
      ) : null}
      {policy.canResetAccess ? (
        <button
          type="button"
          className="button secondary"
          disabled={pending || user.disabled}
          onClick={async () => {
            setResetLink(null);
            setMessage(null);
            const r = await calling.run(() => makeResetLinkAction({ userId: user.id }));
            if (r?.ok) setResetLink(r.data as { url: string; minutes: number });
            else if (r) setMessage({ ok: false, text: r.error });
          }}
        >
          Make a reset link
        </button>
      ) : null}
      {policy.canResetAccess && user.twoFactor ? (
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => {
            if (
              !window.confirm(`Reset ${user.name}'s two-factor sign-in? They will be signed out and can sign in with their password alone.`)
            )
              return;
            run(() => resetTwoFactorAction({ userId: user.id }), "Two-factor sign-in reset; their sessions have ended.");
          }}
        >
          Reset two-factor
        </button>
      ) : null}
      {resetLink ? (
        <div className="form-message success handover-link" role="status">
          <label htmlFor={`reset-link-${user.id}`}>
            Give this link to {user.name} yourself (in person, by phone or chat). It lets whoever opens it choose {user.name}&apos;s
            password, works once, for {resetLink.minutes} minutes, and replaces any earlier link. It is shown only once.
          </label>
          <input id={`reset-link-${user.id}`} readOnly value={resetLink.url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      <p role="status" aria-live="polite" className={message?.ok ? "muted" : "field-error"}>
        {message?.text}
      </p>
    </div>
  );
}
