import { NotFoundMessage } from "@/components/site/site-chrome";

export default function NotFound() {
  return <NotFoundMessage />;
}
