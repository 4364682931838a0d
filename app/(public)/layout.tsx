import type { ReactNode } from "react";
import { getSections, getSiteSettings } from "@/lib/cache/public-data";
import { SiteChrome } from "@/components/site/site-chrome";

// Masthead and footer; reads no session, so public pages stay cacheable.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [{ siteName, language }, sections] = await Promise.all([getSiteSettings(), getSections()]);
  return (
    <SiteChrome siteName={siteName} language={language} sections={sections}>
      {children}
    </SiteChrome>
  );
}
