/**
 * Draws the app icon (a deck of flashcards with a compass star, in the brand colours) and writes the PNGs the
 * web app manifest and iOS use to public/icons. Pure JS: shapes are sampled 4×4 per pixel for smooth edges and
 * the PNG is assembled by hand (zlib for the pixel data, our own CRC-32). Run: npx tsx scripts/generate-icons.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

type Rgb = [number, number, number];
type Shape = (x: number, y: number) => boolean;
type Layer = { shape: Shape; color: Rgb };

const BRAND: Rgb = [0x1d, 0x4e, 0xd8];
const BACK_CARD: Rgb = [0x93, 0xc5, 0xfd];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 4;

function roundedRect(cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(Math.abs(x - cx) - (halfWidth - radius), 0);
    const dy = Math.max(Math.abs(y - cy) - (halfHeight - radius), 0);
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** A four-point compass star: points on the axes, waist on the diagonals. */
function star(cx: number, cy: number, outer: number, inner: number): Shape {
  const points = Array.from({ length: 8 }, (_, index) => {
    const angle = (index * Math.PI) / 4 - Math.PI / 2;
    const radius = index % 2 === 0 ? outer : inner;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as const;
  });
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** The picture in a unit square; `scale` shrinks the cards toward the centre (maskable icons keep a safe zone). */
function layers(options: { rounded: boolean; scale: number }): Layer[] {
  const s = options.scale;
  const at = (offset: number) => 0.5 + offset * s;
  return [
    { shape: options.rounded ? roundedRect(0.5, 0.5, 0.5, 0.5, 0.22) : () => true, color: BRAND },
    { shape: roundedRect(at(0.05), at(-0.07), 0.31 * s, 0.22 * s, 0.05 * s), color: BACK_CARD },
    { shape: roundedRect(at(-0.03), at(0.05), 0.31 * s, 0.22 * s, 0.05 * s), color: WHITE },
    { shape: star(at(-0.03), at(0.05), 0.16 * s, 0.045 * s), color: BRAND },
  ];
}

/** RGBA pixels: each layer painted over the last with the fraction of samples it covers. */
function render(size: number, picture: Layer[]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let color = [0, 0, 0];
      let alpha = 0;
      for (const layer of picture) {
        let covered = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (layer.shape((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) covered++;
          }
        }
        const share = covered / (SAMPLES * SAMPLES);
        color = color.map((channel, index) => channel * (1 - share) + layer.color[index]! * share);
        alpha = alpha * (1 - share) + share;
      }
      const offset = (py * size + px) * 4;
      // Colours were blended as if over black, so divide the coverage back out at soft edges.
      for (let channel = 0; channel < 3; channel++) pixels[offset + channel] = Math.round(alpha > 0 ? color[channel]! / alpha : 0);
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG: signature, IHDR, one IDAT of unfiltered rows, IEND. */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", new Uint8Array()),
  ]);
}

const ICONS = [
  { file: "icon-192.png", size: 192, rounded: true, scale: 1 },
  { file: "icon-512.png", size: 512, rounded: true, scale: 1 },
  // Launchers crop maskable icons to any shape inside the central 80% circle: full bleed, smaller picture.
  { file: "maskable-512.png", size: 512, rounded: false, scale: 0.72 },
  // iOS rounds the corners itself and shows transparency as black.
  { file: "apple-touch-icon.png", size: 180, rounded: false, scale: 0.9 },
];

const outDir = path.resolve(import.meta.dirname, "../public/icons");
mkdirSync(outDir, { recursive: true });
for (const icon of ICONS) {
  writeFileSync(path.join(outDir, icon.file), encodePng(icon.size, render(icon.size, layers(icon))));
  console.log(`wrote public/icons/${icon.file}`);
}
