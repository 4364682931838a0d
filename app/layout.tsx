import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { THEME_COLOR, titleTemplate } from "@/lib/site";
import { siteSettings } from "@/lib/settings";
import "./globals.css";

// From the settings (an admin may rename the site), so computed per render, not at import.
export function generateMetadata(): Metadata {
  const { siteName, description } = siteSettings();
  return {
    metadataBase: new URL(env.DATELINE_SITE_URL),
    title: { default: siteName, template: titleTemplate() },
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
