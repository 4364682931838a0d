import type { ReactNode } from "react";
import { siteName } from "@/lib/site";
import { getSections } from "@/lib/public-data";
import { SiteChrome } from "@/components/site/site-chrome";

// Masthead and footer; reads no session, so public pages stay cacheable.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  return <SiteChrome siteName={siteName()} sections={await getSections()}>{children}</SiteChrome>;
}
