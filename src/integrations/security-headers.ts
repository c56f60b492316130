/**
 * Writes dist/_headers (the security headers of src/lib/security-headers.ts)
 * for hosts that read it; docs/deploy/nginx.conf carries the same values for
 * a school's own server.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/security-headers.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'nastavnik:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        fs.writeFileSync(new URL('_headers', dir), headersFile());
        logger.info(`заголовки безопасности: ${fileURLToPath(new URL('_headers', dir))}`);
      },
    },
  };
}
