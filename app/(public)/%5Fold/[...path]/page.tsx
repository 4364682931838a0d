import { notFound } from "next/navigation";
import { redirectOldAddress } from "@/lib/import/old-address";

type Props = { params: Promise<{ path: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Addresses no page of the site has (next.config.js sends them here, after every route was tried:
// /2024/05/12/slug/, /category/a/b/) and WordPress's query addresses of the front page (/?p=123,
// sent by proxy.ts as /index.php?p=123): an imported site's old address answers 308 to where its
// story (or section, tag, byline, photo) lives now; anything else is the site's ordinary 404.
export const dynamic = "force-dynamic";

export default async function OldAddress({ params, searchParams }: Props) {
  const path = `/${(await params).path.join("/")}`;
  if (path === "/index.php") {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(await searchParams)) if (typeof value === "string") query.set(key, value);
    await redirectOldAddress(`/?${query}`);
  } else await redirectOldAddress(path);
  notFound();
}
