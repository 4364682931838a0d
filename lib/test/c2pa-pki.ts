import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway certificate authority and a signing certificate for Content Credentials tests,
 * made with openssl: an EC P-256 root, and an end-entity certificate it issued with the usages a
 * C2PA claim signer needs (digitalSignature; emailProtection). Nothing is kept but the files in `dir`.
 */
export function makeTestPki(subject: { name: string; org: string }, dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-c2pa-"))) {
  const cnf = path.join(dir, "openssl.cnf");
  fs.writeFileSync(
    cnf,
    [
      "[req]",
      "distinguished_name=dn",
      "[dn]",
      "[ca_ext]",
      "basicConstraints=critical,CA:TRUE",
      "keyUsage=critical,keyCertSign,cRLSign",
      "subjectKeyIdentifier=hash",
      "[ee_ext]",
      "basicConstraints=critical,CA:FALSE",
      "keyUsage=critical,digitalSignature",
      "extendedKeyUsage=emailProtection",
      "subjectKeyIdentifier=hash",
      "authorityKeyIdentifier=keyid",
      "",
    ].join("\n"),
  );
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
  openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", f("root.key"));
  openssl(
    "req",
    "-x509",
    "-new",
    "-key",
    f("root.key"),
    "-subj",
    `/CN=${subject.org} Test Root/O=${subject.org}`,
    "-days",
    "3650",
    "-config",
    cnf,
    "-extensions",
    "ca_ext",
    "-sha256",
    "-out",
    f("root.pem"),
  );
  openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", f("signer.key"));
  openssl("req", "-new", "-key", f("signer.key"), "-subj", `/CN=${subject.name}/O=${subject.org}`, "-config", cnf, "-out", f("signer.csr"));
  openssl(
    "x509",
    "-req",
    "-in",
    f("signer.csr"),
    "-CA",
    f("root.pem"),
    "-CAkey",
    f("root.key"),
    "-set_serial",
    String(Date.now()),
    "-days",
    "3650",
    "-extfile",
    cnf,
    "-extensions",
    "ee_ext",
    "-sha256",
    "-out",
    f("signer.pem"),
  );
  // openssl writes an SEC1 key; Node and the signer take PKCS#8 as well, but keep one form.
  openssl("pkcs8", "-topk8", "-nocrypt", "-in", f("signer.key"), "-out", f("signer.pk8"));
  return {
    dir,
    rootFile: f("root.pem"),
    certFile: f("signer.pem"),
    keyFile: f("signer.pk8"),
    rootPem: fs.readFileSync(f("root.pem"), "utf8"),
    certPem: fs.readFileSync(f("signer.pem"), "utf8"),
    keyPem: fs.readFileSync(f("signer.pk8"), "utf8"),
  };
}
