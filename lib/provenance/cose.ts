import crypto from "node:crypto";

/**
 * The C2PA claim signature: a COSE_Sign1 (RFC 9052) over the claim, with the signing certificate
 * chain in the protected header (x5chain) and padding to the size the manifest reserved for it.
 * @contentauth/c2pa-wasm hands its signer the claim bytes and expects this whole structure back
 * (its "direct COSE handling"), so Dateline builds it here with node:crypto and a small CBOR
 * encoder; the library then validates what it embedded like any other signature.
 */

type Cbor = null | number | string | Uint8Array | Cbor[] | Map<number | string, Cbor> | { tag: number; value: Cbor };

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** Deterministic CBOR for the few types a COSE_Sign1 needs. */
export function cbor(v: Cbor): Buffer {
  if (v === null) return Buffer.from([0xf6]);
  if (typeof v === "number") return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === "string") {
    const s = Buffer.from(v, "utf8");
    return Buffer.concat([head(3, s.length), s]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), v]);
  if (Array.isArray(v)) return Buffer.concat([head(4, v.length), ...v.map(cbor)]);
  if (v instanceof Map) return Buffer.concat([head(5, v.size), ...[...v].flatMap(([k, x]) => [cbor(k), cbor(x)])]);
  return Buffer.concat([head(6, v.tag), cbor(v.value)]);
}

/** The DER certificates of a PEM bundle, in order (end-entity first). */
export function pemCertificates(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from((m[1] ?? "").replace(/\s+/g, ""), "base64"),
  );
}

/** COSE algorithm identifiers for the key types Dateline signs with. */
const ALGORITHMS = {
  es256: { cose: -7, hash: "sha256", curve: "prime256v1" },
  es384: { cose: -35, hash: "sha384", curve: "secp384r1" },
  ed25519: { cose: -8, hash: null, curve: null },
} as const;
export type SigningAlg = keyof typeof ALGORITHMS;

export type ClaimSigner = { alg: SigningAlg; reserveSize: number; sign: (claim: Uint8Array) => Promise<Uint8Array> };

/** Which algorithm a private key signs with (EC P-256, P-384 or Ed25519); anything else is refused. */
export function algorithmOf(key: crypto.KeyObject): SigningAlg {
  const type = key.asymmetricKeyType;
  if (type === "ed25519") return "ed25519";
  if (type === "ec") {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === "prime256v1") return "es256";
    if (curve === "secp384r1") return "es384";
  }
  throw new Error("The signing key must be an EC P-256 or P-384 key, or an Ed25519 key.");
}

/**
 * A claim signer for a certificate chain (PEM, end-entity first) and its private key (PEM).
 * `reserveSize` is the room the manifest keeps for the signature; the chain must fit in it.
 */
export function coseSigner(certificatePem: string, privateKeyPem: string): ClaimSigner {
  const certs = pemCertificates(certificatePem);
  if (certs.length === 0) throw new Error("The signing certificate file holds no PEM certificate.");
  const key = crypto.createPrivateKey(privateKeyPem);
  const alg = algorithmOf(key);
  const reserveSize = certs.reduce((n, c) => n + c.length, 0) + 4096;
  const spec = ALGORITHMS[alg];
  const protectedHeader = cbor(
    new Map<number, Cbor>([
      [1, spec.cose],
      [33, certs.length === 1 ? certs[0]! : certs],
    ]),
  );
  return {
    alg,
    reserveSize,
    async sign(claim) {
      const toBeSigned = cbor(["Signature1", protectedHeader, new Uint8Array(0), claim]);
      const signature = crypto.sign(spec.hash, toBeSigned, spec.hash ? { key, dsaEncoding: "ieee-p1363" } : key);
      const build = (pad: number) =>
        cbor({ tag: 18, value: [protectedHeader, new Map<string, Cbor>([["pad", new Uint8Array(pad)]]), null, signature] });
      // The signature box is exactly reserveSize long: pad the unprotected header to fill it (the
      // pad's own length prefix grows at 24, 256 and 65,536 bytes, hence the few rounds).
      let pad = 0;
      let out = build(pad);
      for (let round = 0; round < 4 && out.length !== reserveSize; round++) {
        pad = Math.max(0, pad + reserveSize - out.length);
        out = build(pad);
      }
      if (out.length !== reserveSize) throw new Error("The claim signature does not fit the room reserved for it.");
      return new Uint8Array(out);
    },
  };
}
