"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * A link of the admin's menu that says when its screen is the one shown (aria-current="page",
 * styled in globals.css): the stories' desk for the story list and every story's screens, any
 * other entry for its own address and the addresses under it. On a narrow screen the menu is a
 * strip that scrolls sideways; the current screen's link is scrolled into the middle of it.
 */
export function NavLink({ href, ...rest }: Omit<React.ComponentProps<typeof Link>, "href"> & { href: string }) {
  const pathname = usePathname();
  const link = useRef<HTMLAnchorElement>(null);
  const current =
    href === "/admin"
      ? pathname === "/admin" || pathname.startsWith("/admin/articles")
      : pathname === href || pathname.startsWith(`${href}/`);
  useEffect(() => {
    const strip = link.current?.closest("ul");
    if (!current || !link.current || !strip || strip.scrollWidth <= strip.clientWidth) return;
    // The strip alone scrolls (scrollIntoView could move the page as well).
    const [box, within] = [link.current.getBoundingClientRect(), strip.getBoundingClientRect()];
    strip.scrollLeft += box.left - within.left - (within.width - box.width) / 2;
  }, [current]);
  return <Link ref={link} href={href} aria-current={current ? "page" : undefined} {...rest} />;
}
