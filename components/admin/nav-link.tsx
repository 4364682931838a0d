"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A link of the admin's menu that says when its screen is the one shown (aria-current="page",
 * styled in globals.css): the stories' desk for the story list and every story's screens, any
 * other entry for its own address and the addresses under it.
 */
export function NavLink({ href, ...rest }: Omit<React.ComponentProps<typeof Link>, "href"> & { href: string }) {
  const pathname = usePathname();
  const current =
    href === "/admin"
      ? pathname === "/admin" || pathname.startsWith("/admin/articles")
      : pathname === href || pathname.startsWith(`${href}/`);
  return <Link href={href} aria-current={current ? "page" : undefined} {...rest} />;
}
