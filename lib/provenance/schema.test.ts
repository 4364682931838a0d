import { describe, expect, it } from "vitest";
import { credentialStatusWords, schemaOrgSourceType, sourceTypeWords } from "./schema";

describe("Content Credentials in words", () => {
  it("says who signed and whether the signature validates", () => {
    expect(credentialStatusWords(null)).toBe("none");
    expect(credentialStatusWords({ status: "trusted", signerName: "Reuters", signerOrg: "Thomson Reuters" })).toBe(
      "valid, signed by Reuters (Thomson Reuters)",
    );
    expect(credentialStatusWords({ status: "untrusted", signerName: "X", signerOrg: "X" })).toBe(
      "valid, signed by X, a signer not on this newsroom's trust list",
    );
    expect(credentialStatusWords({ status: "invalid", signerName: "X", signerOrg: "" })).toBe("signature does not validate");
  });

  it("maps IPTC digital source types to words and to schema.org's enumeration, and nothing else", () => {
    const iptc = (code: string) => `http://cv.iptc.org/newscodes/digitalsourcetype/${code}`;
    expect(sourceTypeWords(iptc("trainedAlgorithmicMedia"))).toBe("Made by generative AI");
    expect(schemaOrgSourceType(iptc("digitalCapture"))).toBe("https://schema.org/DigitalCaptureDigitalSource");
    expect(schemaOrgSourceType(iptc("compositeWithTrainedAlgorithmicMedia"))).toBe(
      "https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource",
    );
    expect(schemaOrgSourceType(iptc("digitalCreation"))).toBeNull();
    expect(schemaOrgSourceType("https://example.org/digitalCapture")).toBeNull();
  });
});
