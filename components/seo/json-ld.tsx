import { safeJsonForScript } from "@/lib/format/text";

/** Structured data for search engines; the serialiser escapes <, > and & so nothing can close the script. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJsonForScript(data) }} />;
}
