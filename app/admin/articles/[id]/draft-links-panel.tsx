"use client";

import { useState } from "react";
import { DeskDateTime } from "@/components/forms/desk-date-time";
import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { TextField } from "@/components/forms/text-field";
import { FormMessage } from "@/components/forms/form-message";
import { createDraftLinkAction, revokeDraftLinkAction } from "../draft-link-actions";

export type DraftLinkItem = {
  id: string;
  label: string;
  createdBy: string;
  created: string;
  expires: string;
  state: "active" | "expired" | "revoked" | "stopped";
  views: number;
  lastViewed: string | null;
};

type Props = {
  articleId: string;
  links: DraftLinkItem[];
  /** Why no link may be made or opened now (the story's wire item was killed), or null. */
  refused: string | null;
  defaultExpires: string;
  timeZone: string;
  origin: string;
};

const STATE_LABELS = { active: "Active", expired: "Expired", revoked: "Revoked", stopped: "Stopped: the copy may not be shown" } as const;

/** Links to this story's preview for people without an account: create one with an expiry, see who opened it, revoke it. */
export function DraftLinksPanel({ articleId, links, refused, defaultExpires, timeZone, origin }: Props) {
  const router = useRouter();
  const [label, setLabel] = useState("");
  const [expires, setExpires] = useState(defaultExpires);
  const createLink = useAction(createDraftLinkAction);
  const revokeLink = useAction(revokeDraftLinkAction);
  const created = createLink.result;
  const errors = createLink.fieldErrors;

  const create = async () => {
    const result = await createLink.run({ articleId, label, expiresLocal: expires });
    if (result?.ok) {
      setLabel("");
      router.refresh();
    }
  };
  const revoke = async (id: string) => {
    const result = await revokeLink.run({ id });
    if (result?.ok) router.refresh();
  };

  return (
    <section className="card" aria-labelledby="draft-links-heading" data-testid="draft-links">
      <h2 id="draft-links-heading">Share the draft</h2>
      <p className="muted">
        A read-only link to this story&apos;s preview for someone without an account (a lawyer, a fact-checker, a source). Every view is
        recorded.
      </p>
      {created?.ok ? (
        <div className="form-message success" role="status">
          <label htmlFor="draft-link-url">Link created. Copy it now: it is shown only once.</label>
          <input id="draft-link-url" readOnly value={`${origin}${created.data.path}`} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      {created && !created.ok && !created.fieldErrors ? <FormMessage>{created.error}</FormMessage> : null}
      {refused ? (
        <p className="wire-warning" role="note" data-testid="draft-links-refused">
          {refused}
        </p>
      ) : (
        <>
          <TextField
            id="draft-link-label"
            name="label"
            label="Who it is for"
            value={label}
            maxLength={120}
            onChange={(e) => setLabel(e.target.value)}
            errors={errors?.label}
          />
          <DeskDateTime
            id="draft-link-expires"
            legend={`Stops working at (${timeZone})`}
            value={expires}
            onChange={setExpires}
            errors={errors?.expiresLocal}
          />
          <button type="button" className="button secondary" disabled={createLink.pending} onClick={create}>
            Create link
          </button>
        </>
      )}
      {revokeLink.error ? <FormMessage>{revokeLink.error}</FormMessage> : null}
      {links.length > 0 ? (
        <ul className="plain-list draft-link-list">
          {links.map((l) => (
            <li key={l.id} data-testid="draft-link-row">
              <strong>{l.label}</strong> · {STATE_LABELS[l.state]} · until {l.expires} · {l.views} {l.views === 1 ? "view" : "views"}
              {l.lastViewed ? `, last ${l.lastViewed}` : ""}
              <div className="muted">
                Created by {l.createdBy}, {l.created}{" "}
                {l.state === "active" ? (
                  <button
                    type="button"
                    className="button danger small"
                    disabled={revokeLink.pending}
                    onClick={() => revoke(l.id)}
                    aria-label={`Revoke the link for ${l.label}`}
                  >
                    Revoke
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
