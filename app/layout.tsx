import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { THEME_COLOR, titleTemplate } from "@/lib/seo/site";
import { getSiteSettings } from "@/lib/cache/public-data";
import "./globals.css";

// From the settings (an admin may rename the site), so computed per render, not at import.
export async function generateMetadata(): Promise<Metadata> {
  const { siteName, description } = await getSiteSettings();
  return {
    metadataBase: new URL(env.DATELINE_SITE_URL),
    title: { default: siteName, template: titleTemplate(siteName) },
    description: description || undefined,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOR };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
