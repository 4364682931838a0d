/**
 * Whether the public site is served over https (DATELINE_SITE_URL): it decides secure cookies,
 * HSTS and upgrade-insecure-requests, so it is asked here and nowhere else. Reads the raw
 * variable so the front server and the proxy can ask before lib/env.ts validates the rest.
 */
export const siteIsHttps = (siteUrl: string = process.env.DATELINE_SITE_URL ?? ""): boolean => siteUrl.startsWith("https://");
