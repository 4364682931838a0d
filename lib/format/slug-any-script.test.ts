import { describe, expect, it } from "vitest";
import { slugify } from "./slug";
import { slugifyAnyScript } from "./slug-any-script";

describe("slugs from names in any script", () => {
  it("writes other scripts in Latin letters, where slugify alone kept nothing", () => {
    const names = {
      "Київ готується до зими": "kiiv-gotuietsya-do-zimi",
      Αθήνα: "athina",
      "«ما زلنا هنا»": "m-zln-hn",
      שלום: "slvm",
      東京: "dongjing",
      "Łódź and Straße": "lodz-and-strasse",
    };
    for (const [name, slug] of Object.entries(names)) {
      expect(slugify(name), name).not.toBe(slug);
      expect(slugifyAnyScript(name), name).toBe(slug);
    }
  });

  it("gives two names that differ only in other letters two addresses", () => {
    expect(slugify("Київ 2024")).toBe(slugify("Львів 2024"));
    expect(slugifyAnyScript("Київ 2024")).not.toBe(slugifyAnyScript("Львів 2024"));
  });

  it("makes the same slug as slugify of English and accented Latin, curly quotes and dashes included", () => {
    for (const name of ["“We are still here”: Kharkiv’s residents — return", "Café crème à Zürich", "COVID-19 cases, 2024"]) {
      expect(slugifyAnyScript(name), name).toBe(slugify(name));
    }
    expect(slugifyAnyScript("Київ".repeat(40), 20).length).toBeLessThanOrEqual(20);
  });
});
