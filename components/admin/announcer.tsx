"use client";

import { createContext, useContext, useState } from "react";

const Announce = createContext<(message: string) => void>(() => {});

/**
 * One polite live region for a screen whose controls say what they did (a row moved): the
 * components inside call `useAnnounce()`; one region, so a screen reader reading the page later
 * does not meet old announcements left in each row.
 */
export function Announcer({ children, testId }: { children: React.ReactNode; testId?: string }) {
  const [said, setSaid] = useState("");
  return (
    <Announce value={setSaid}>
      {children}
      <p className="visually-hidden" aria-live="polite" data-testid={testId}>
        {said}
      </p>
    </Announce>
  );
}

export const useAnnounce = () => useContext(Announce);
