"use client";

import { useEffect, useState } from "react";

type Other = { userId: string; name: string; since: string };

type Props = { articleId: string; timeZone: string; heartbeatMs: number };

const time = (iso: string, timeZone: string) => new Date(iso).toLocaleTimeString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" });

/**
 * Tells the editor who else has this story open ("Ana Ruiz is editing, since 14:02"), from a
 * heartbeat this page sends while it is open (lib/presence/presence.ts); says nothing when nobody is.
 */
export function PresenceBar({ articleId, timeZone, heartbeatMs }: Props) {
  const [others, setOthers] = useState<Other[]>([]);
  useEffect(() => {
    const url = `/api/admin/articles/${encodeURIComponent(articleId)}/presence`;
    let stopped = false;
    const beat = async () => {
      try {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" } });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { others: Other[] };
        setOthers(body.others);
      } catch {
        // Offline for a moment: the next beat tries again; the others' names stay as they were.
      }
    };
    void beat();
    const timer = setInterval(beat, heartbeatMs);
    const onVisible = () => document.visibilityState === "visible" && void beat();
    // Leaving the page (reload, another address, closing the tab) runs no React cleanup: say goodbye here too.
    const leave = () => void fetch(url, { method: "DELETE", keepalive: true }).catch(() => {});
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [articleId, heartbeatMs]);

  if (others.length === 0) return null;
  return (
    <div className="presence-bar" role="status" data-testid="presence-bar">
      {others.map((o) => (
        <p key={o.userId}>
          <strong>{o.name}</strong> is editing, since {time(o.since, timeZone)}. Their saves and yours may cross: talk before you save.
        </p>
      ))}
    </div>
  );
}
