// The hostile strings of issue 7, one set per field a reader sees. e2e/seed-hostile.ts saves a
// published story carrying them through the same lib/ functions the desk uses; the spec
// e2e/public/hostile.spec.ts checks how every public output renders them.

const SCRIPT = `<script>window.__pwned=1</script>`;
const EVENT = `<img src=x onerror="window.__pwned=2">`;
const BREAKOUT = `"><svg onload=window.__pwned=3>`;
const SINGLE = `' onmouseover='window.__pwned=4'`;
const SCRIPT_END = `</script><script>window.__pwned=5</script>`;
const CDATA = `]]><evil/>`;
const ENTITIES = `&amp; &lt;b&gt; &#x3C;`;
// An unclosed right-to-left isolate: the bidi overrides (U+202A–U+202E, the "gnp.exe" trick) are
// dropped from what editors send (lib/format/text.ts), so the corpus carries what may be stored.
const RTL = `\u2067gnp.exe`;
const EMOJI = `👩🏽‍💻 🇺🇦 e\u0301 Z\u0335\u0321a\u0334 שלום`;

export const PAYLOAD = [SCRIPT, EVENT, BREAKOUT, SINGLE, SCRIPT_END, CDATA, ENTITIES, RTL, EMOJI].join(" ");

/** Markers that must never appear in a page's raw HTML (outside escaped JSON-LD): they would be markup. */
export const RAW_MARKUP = ["<script>window.__pwned", "<img src=x onerror", "<svg onload", "<evil/>", "onmouseover='window"];

const pad = (text: string, length: number) => (text + " " + "Lorem ipsum dolor sit amet. ".repeat(40)).slice(0, length).trim();

export const HOSTILE = {
  slug: "hostile-corpus-story",
  // 200 characters: the longest headline the desk accepts, with an emoji across the 110th
  // character (where JSON-LD cuts a headline).
  headline: `“Quote” ${SCRIPT_END} ${CDATA} ${RTL} ${"x".repeat(44)}👩🏽‍💻${"y".repeat(200)}`.slice(0, 200),
  dek: pad(PAYLOAD, 500),
  dateline: `<b>KYIV</b> "&" 👩🏽‍💻 e\u0301`,
  body: [PAYLOAD, `“${EMOJI},” said the official. ${SCRIPT_END}`],
  caption: `${PAYLOAD} A second sentence.`,
  credit: `Ana <i>"Lens"</i> O'Hara</script>`,
  agency: `Wire & Co ]]> ${SCRIPT}`,
  alt: `${BREAKOUT} ${EVENT} ${EMOJI}`,
  copyright: `© <Owner> & "Sons" ${SCRIPT_END}`,
  sourceUrl: "https://example.org/report?a=1&b=2&c=%22%3E%3Cscript%3E",
  sourceTitle: pad(PAYLOAD, 300),
  sourcePublisher: `Ministry of "Truth" ${SCRIPT_END}`,
  sourceNote: `${EMOJI} ${PAYLOAD}`,
  tags: [`${SCRIPT} tag`, `Über "quoted" ${EMOJI}`.slice(0, 60)],
  authorName: `Zoë "The Pen" <O'Neil> ${RTL}`,
  authorTitle: `Reporter ${SCRIPT_END}`,
  authorBio: `${PAYLOAD} ${pad("Writes about everything.", 400)}`,
  correction: `Corrected: ${PAYLOAD}`,
};
