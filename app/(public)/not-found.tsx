import { NotFoundMessage } from "@/components/site/site-chrome";
import { pageTitle } from "@/lib/site";

// Inside the public layout, so a missing story, section or tag is answered with the masthead.
export default function NotFound() {
  return (
    <>
      <title>{pageTitle("Page not found")}</title>
      <meta name="robots" content="noindex" />
      <NotFoundMessage />
    </>
  );
}
