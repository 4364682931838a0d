import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { getSections } from "@/lib/public-data";
import { SiteChrome } from "@/components/site/site-chrome";

// Masthead and footer; reads no session, so public pages stay cacheable.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  return <SiteChrome siteName={env.DATELINE_SITE_NAME} sections={await getSections()}>{children}</SiteChrome>;
}
