import { NotFoundMessage } from "@/components/site/site-chrome";
import { pageTitle } from "@/lib/seo/site";
import { getSiteSettings } from "@/lib/cache/public-data";

// Inside the public layout, so a missing story, section or tag is answered with the masthead.
export default async function NotFound() {
  const { siteName } = await getSiteSettings();
  return (
    <>
      <title>{pageTitle("Page not found", siteName)}</title>
      <meta name="robots" content="noindex" />
      <NotFoundMessage />
    </>
  );
}
