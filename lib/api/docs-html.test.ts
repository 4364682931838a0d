import { describe, expect, it } from "vitest";
import { HTTP_STATUS, type ErrorCode } from "../errors";
import { apiDocsHtml } from "./docs-html";
import { problemType } from "./problem";

describe("the API's reference page", () => {
  const page = apiDocsHtml("The Dateline");

  it("has an anchor for every problem type an answer may link to", () => {
    for (const code of Object.keys(HTTP_STATUS) as (ErrorCode | "error")[]) {
      expect(page, code).toContain(`id="${problemType(code).split("#")[1]}"`);
    }
  });

  it("says the wire push takes a WIRE key only, as its handler does", () => {
    const wire = page.slice(page.indexOf('id="pushWireItems"'));
    expect(wire.slice(0, wire.indexOf("</section>"))).toContain("API key of the <strong>WIRE</strong> scope only");
  });
});
