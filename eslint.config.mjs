import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// lib/ is the application; it never reaches up into the UI.
const NO_UI = {
  group: ["@/components/*", "**/components/*", "@/app/*", "**/app/*"],
  message: "lib/ does not import the UI (components/, app/).",
};

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
    // Layering (README, Layout): lib/ is the application; it never reaches up into the UI.
    files: ["lib/**"],
    // Tests may drive the UI code that uses what they test (e.g. the editor's paste cleaning).
    ignores: ["lib/format/**", "lib/**/*.test.ts", "lib/**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [NO_UI],
        },
      ],
    },
  },
  {
    // lib/format holds pure helpers: what they need (time zone, site name) comes in as arguments.
    files: ["lib/format/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NO_UI,
            {
              group: ["../db", "../db/*", "../env", "../cache/*", "../auth/*", "@prisma/*", "**/generated/prisma/**", "next/*"],
              message: "lib/format is pure: pass the time zone, site name or data in as arguments.",
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
