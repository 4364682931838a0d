export { default, generateMetadata, generateStaticParams } from "../../page";

export const revalidate = 60;
