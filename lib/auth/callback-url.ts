/** Only same-origin relative paths: "/admin/x" yes; "//evil.example", "/\\evil", "https://…" no. */
export function safeCallbackUrl(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, "http://dateline.invalid");
    if (url.origin !== "http://dateline.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
