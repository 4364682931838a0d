"use client";

import { useLayoutEffect, useRef } from "react";
import { usePathname } from "next/navigation";

type Section = { id: string; name: string; slug: string };

/** Room kept between a link brought into view and the strip's edge: the width of its fade (globals.css). */
const EDGE = 32;

/**
 * The masthead's sections, which scroll sideways on a phone (globals.css). The section a reader is
 * in is marked: its own page as the current page, a story in it as the current section
 * (aria-current, drawn underlined), and is in view on arrival: the strip scrolls (never the page)
 * to centre it when it was off-screen or under a fade. A link reached by Tab is brought wholly into
 * view the same way: left to the browser, a link partly in view was not scrolled to, and half of it
 * stayed under the edge.
 */
export function SectionStrip({ sections, language }: { sections: Section[]; language: string }) {
  const pathname = usePathname() ?? "/";
  const segment = pathname.split("/")[1] ?? "";
  const nav = useRef<HTMLElement>(null);
  // Before the first paint after hydration, so the strip does not visibly jump on arrival. A strip
  // the reader has already swiped (a slow phone, before hydration) is left where they put it.
  useLayoutEffect(() => {
    const strip = nav.current;
    const current = strip?.querySelector<HTMLElement>("a[aria-current]");
    if (strip && current && strip.scrollLeft === 0) reveal(strip, current);
  }, [segment]);
  return (
    <nav
      ref={nav}
      aria-label="Sections"
      // Only for the keyboard: a tap focuses its link on the way down, and a strip that moved under
      // the finger then would lose the click.
      onFocus={(event) => {
        if (event.target.matches(":focus-visible")) reveal(event.currentTarget, event.target);
      }}
    >
      <ul lang={language}>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`/${s.slug}`} aria-current={s.slug !== segment ? undefined : pathname === `/${s.slug}` ? "page" : "true"}>
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Scrolls the strip (only the strip: scrollIntoView would move the page as well) so that the link
 * is clear of both fades, centred when it was not. Nothing moves where the strip does not overflow.
 */
function reveal(strip: HTMLElement, link: Element) {
  const room = strip.scrollWidth - strip.clientWidth;
  if (room <= 0) return;
  const box = strip.getBoundingClientRect();
  const l = link.getBoundingClientRect();
  if (l.left >= box.left + EDGE && l.right <= box.right - EDGE) return;
  const centre = strip.scrollLeft + (l.left - box.left) - (box.width - l.width) / 2;
  strip.scrollTo({ left: Math.round(Math.min(room, Math.max(0, centre))), behavior: "instant" });
}
