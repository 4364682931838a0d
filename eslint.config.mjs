import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // Every read and write goes through lib/ (DESIGN.md): nothing outside it touches Prisma.
    files: ["app/**", "components/**", "e2e/**", "scripts/**", "prisma/**", "bench/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "**/generated/prisma/**", "@/lib/generated/**"],
              message: "Use the data layer in lib/ instead of Prisma.",
            },
          ],
        },
      ],
    },
  },
  {
    // Reader-facing pages run no client JavaScript: their links are plain <a>, which also keeps
    // editors' browsers from prefetching (and so re-rendering) public pages from the admin.
    files: ["app/(public)/**", "app/not-found.tsx", "components/article/**", "components/ui/**", "components/site/**"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
];

export default config;
