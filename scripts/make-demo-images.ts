/**
 * Generates the cover images of the demo content.
 *
 * Why this exists: demo news, practices and events have covers
 * (`cover.src: ./media/<file>.jpg` next to the entry). Photos of real people
 * would be personal data (152-ФЗ, ГК ст. 152.1) and stock photos carry
 * licences, so the demo uses abstract pictures drawn here: soft gradients with
 * simple shapes, rendered from SVG by sharp into 1200×800 JPEG files under
 * 80 KB, with no EXIF or other metadata (sharp drops it unless asked to keep).
 *
 * Run: PATH=node_modules/.bin:$PATH node scripts/make-demo-images.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = path.join(ROOT, 'content');
const WIDTH = 1200;
const HEIGHT = 800;
const MAX_BYTES = 80 * 1024;

interface Cover {
  /** Path under content/. */
  file: string;
  /** Background gradient, top-left to bottom-right. */
  from: string;
  to: string;
  /** Colours of the shapes. */
  accents: [string, string, string];
  motif: 'circles' | 'waves' | 'steps' | 'pairs';
}

const COVERS: Cover[] = [
  {
    file: 'news/media/polozhenie-utverzhdeno.jpg',
    from: '#1f4e79',
    to: '#5b9bd5',
    accents: ['#ffffff', '#ffd966', '#bdd7ee'],
    motif: 'steps',
  },
  {
    file: 'news/media/ustanovochnaya-sessiya.jpg',
    from: '#375623',
    to: '#a9d18e',
    accents: ['#ffffff', '#fff2cc', '#e2f0d9'],
    motif: 'circles',
  },
  {
    file: 'news/media/itogovaya-konferenciya.jpg',
    from: '#7030a0',
    to: '#f4b183',
    accents: ['#ffffff', '#ffe699', '#f8cbad'],
    motif: 'waves',
  },
  {
    file: 'practices/media/chek-list-roditelskogo-sobraniya.jpg',
    from: '#c55a11',
    to: '#ffe699',
    accents: ['#ffffff', '#fbe5d6', '#843c0c'],
    motif: 'steps',
  },
  {
    file: 'practices/media/flesh-vstrechi.jpg',
    from: '#0b6e75',
    to: '#9dd9d2',
    accents: ['#ffffff', '#ffd966', '#e7f6f5'],
    motif: 'pairs',
  },
  {
    file: 'events/media/itogovaya-konferenciya.jpg',
    from: '#203864',
    to: '#c9a0dc',
    accents: ['#ffffff', '#ffd966', '#dae3f3'],
    motif: 'circles',
  },
];

function shapes(c: Cover): string {
  const [a, b, d] = c.accents;
  switch (c.motif) {
    case 'circles':
      return `
        <circle cx="880" cy="260" r="220" fill="${a}" fill-opacity="0.18"/>
        <circle cx="1010" cy="520" r="150" fill="${b}" fill-opacity="0.35"/>
        <circle cx="300" cy="600" r="260" fill="${d}" fill-opacity="0.16"/>
        <circle cx="560" cy="330" r="70" fill="${b}" fill-opacity="0.55"/>`;
    case 'waves':
      return `
        <path d="M0 520 C 250 440, 450 620, 700 540 S 1050 430, 1200 500 L1200 800 L0 800 Z" fill="${a}" fill-opacity="0.18"/>
        <path d="M0 620 C 300 560, 520 720, 820 640 S 1100 560, 1200 600 L1200 800 L0 800 Z" fill="${d}" fill-opacity="0.30"/>
        <circle cx="930" cy="220" r="120" fill="${b}" fill-opacity="0.6"/>`;
    case 'steps':
      return `
        <rect x="180" y="560" width="200" height="240" rx="12" fill="${a}" fill-opacity="0.22"/>
        <rect x="400" y="460" width="200" height="340" rx="12" fill="${a}" fill-opacity="0.28"/>
        <rect x="620" y="360" width="200" height="440" rx="12" fill="${a}" fill-opacity="0.34"/>
        <rect x="840" y="260" width="200" height="540" rx="12" fill="${a}" fill-opacity="0.40"/>
        <circle cx="940" cy="170" r="54" fill="${b}" fill-opacity="0.85"/>
        <circle cx="150" cy="150" r="110" fill="${d}" fill-opacity="0.15"/>`;
    case 'pairs':
      return `
        <circle cx="330" cy="330" r="120" fill="${a}" fill-opacity="0.30"/>
        <circle cx="480" cy="330" r="120" fill="${b}" fill-opacity="0.45"/>
        <circle cx="760" cy="520" r="100" fill="${a}" fill-opacity="0.30"/>
        <circle cx="885" cy="520" r="100" fill="${b}" fill-opacity="0.45"/>
        <circle cx="980" cy="190" r="60" fill="${d}" fill-opacity="0.5"/>`;
  }
}

function svgOf(c: Cover): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${c.from}"/>
      <stop offset="1" stop-color="${c.to}"/>
    </linearGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg)"/>
  ${shapes(c)}
</svg>`;
}

for (const cover of COVERS) {
  const out = path.join(CONTENT, cover.file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const bytes = await sharp(Buffer.from(svgOf(cover)))
    .resize(WIDTH, HEIGHT)
    .jpeg({ quality: 78, mozjpeg: true, chromaSubsampling: '4:2:0' })
    .toBuffer();
  if (bytes.length > MAX_BYTES) throw new Error(`${cover.file}: ${bytes.length} байт — больше 80 КБ`);
  fs.writeFileSync(out, bytes);
  console.log(`content/${cover.file}: ${(bytes.length / 1024).toFixed(1)} КБ`);
}
