"use client";

import { usePathname } from "next/navigation";

type Section = { id: string; name: string; slug: string };

/**
 * The masthead's sections, which scroll sideways on a phone (globals.css). The section a reader is
 * in is marked: its own page as the current page, a story in it as the current section
 * (aria-current, drawn underlined). A link reached by Tab is brought wholly into view, clear of
 * the strip's edge (its scroll padding): left to the browser, a link partly in view was not
 * scrolled to, and half of it stayed under the edge.
 */
export function SectionStrip({ sections }: { sections: Section[] }) {
  const pathname = usePathname() ?? "/";
  const segment = pathname.split("/")[1] ?? "";
  return (
    <nav aria-label="Sections" onFocus={(event) => event.target.scrollIntoView({ block: "nearest", inline: "nearest" })}>
      <ul>
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
