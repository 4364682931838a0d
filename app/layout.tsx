import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { stylesheet } from "@/lib/stylesheet";
import { THEME_COLOR, titleTemplate } from "@/lib/site";

export const metadata: Metadata = {
  metadataBase: new URL(env.DATELINE_SITE_URL),
  title: { default: env.DATELINE_SITE_NAME, template: titleTemplate() },
  description: "Independent news, with its sources.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOR };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* The site's stylesheet, served by app/assets (not bundled), so the article pages rendered outside Next link the same file. */}
        <link rel="stylesheet" href={stylesheet().href} />
      </head>
      <body>{children}</body>
    </html>
  );
}
