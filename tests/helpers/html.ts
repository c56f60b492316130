/** Reading built HTML as a reader sees it. */
import { Parser } from 'htmlparser2';

/** The text of `<body>` outside scripts, styles and code. */
export function visibleText(html: string): string {
  let depthHidden = 0;
  let inBody = false;
  let out = '';
  const hidden = new Set(['script', 'style', 'code', 'pre', 'template']);
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'body') inBody = true;
        if (hidden.has(name)) depthHidden++;
      },
      onclosetag(name) {
        if (hidden.has(name)) depthHidden--;
      },
      ontext(text) {
        if (inBody && depthHidden === 0) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\s+/g, ' ');
}
