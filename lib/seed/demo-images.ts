import sharp from "sharp";

// Demo photos drawn from shapes (no downloads, no fonts), rendered to real JPEG files.

const W = 1600;
const H = 1000;

function scene(sky: [string, string], sea: string, shapes: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <rect y="${H * 0.62}" width="${W}" height="${H * 0.38}" fill="${sea}"/>
  ${shapes}</svg>`;
}

function houses(seed: number): string {
  let out = "";
  for (let i = 0; i < 9; i++) {
    const x = 60 + i * 170 + ((seed * (i + 3)) % 40);
    const h = 120 + ((seed * (i + 7)) % 90);
    const y = H * 0.62 - h;
    const colours = ["#d9d4c7", "#c97b63", "#8fa3b3", "#e8e1cf", "#6d7f8c"];
    out += `<rect x="${x}" y="${y}" width="130" height="${h}" fill="${colours[i % colours.length]}"/>`;
    out += `<polygon points="${x - 10},${y} ${x + 65},${y - 60} ${x + 140},${y}" fill="#4a4f57"/>`;
    out += `<rect x="${x + 45}" y="${y + h - 55}" width="40" height="55" fill="#2f3338"/>`;
  }
  return out;
}

const figures = Array.from({ length: 5 }, (_, i) => {
  const x = 300 + i * 230;
  return `<rect x="${x}" y="${H * 0.66}" width="34" height="110" rx="14" fill="${["#1f4e79", "#b23a3a", "#2e6b3a", "#c99a2e", "#333"][i]}"/><circle cx="${x + 17}" cy="${H * 0.66 - 14}" r="17" fill="#e0b999"/>`;
}).join("");

const SCENES: Record<string, string> = {
  "harrow-point-harbour.jpg": scene(
    ["#5c6773", "#a9b4bd"],
    "#6f8591",
    houses(7) + figures + `<rect y="${H * 0.8}" width="${W}" height="${H * 0.2}" fill="#7f939d" opacity="0.7"/>`,
  ),
  "clinic.jpg": scene(
    ["#9cc3e0", "#e6f0f6"],
    "#c7d3c0",
    `<rect x="450" y="300" width="700" height="320" fill="#f4f1ea"/><rect x="760" y="180" width="80" height="80" fill="#c0392b"/><rect x="785" y="200" width="30" height="40" fill="#fff"/><rect x="770" y="215" width="60" height="10" fill="#fff"/>${figures}`,
  ),
  "coast.jpg": scene(["#f2b880", "#fbe6c2"], "#3d6e8a", houses(3)),
};

/** Renders one demo photo to JPEG bytes. */
export async function renderDemoImage(file: string): Promise<Buffer> {
  const svg = SCENES[file];
  if (!svg) throw new Error(`No demo image named ${file}`);
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
