"use client";

import type { ReactNode } from "react";

/**
 * The masthead's sections, which scroll sideways on a phone (globals.css): a link reached by Tab
 * is brought wholly into view, clear of the strip's edge (its scroll padding). Left to the
 * browser, a link partly in view was not scrolled to, and half of it stayed under the edge.
 */
export function SectionStrip({ children }: { children: ReactNode }) {
  return (
    <nav aria-label="Sections" onFocus={(event) => event.target.scrollIntoView({ block: "nearest", inline: "nearest" })}>
      {children}
    </nav>
  );
}
