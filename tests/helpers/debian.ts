/**
 * Debian packages the tests drive for real (Chromium, rsync, LibreOffice):
 * installed with apt-get when missing, because the suite runs as root on
 * fresh CI machines of this kind and tool downloads do not work here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let updated = false;

/** Makes sure `binary` exists, installing Debian's `pkg` when it does not. */
export function ensureDebianPackage(binary: string, pkg: string): void {
  if (fs.existsSync(binary)) return;
  if (process.getuid?.() !== 0) throw new Error(`${binary} not found; install it: sudo apt-get install -y ${pkg}`);
  console.log(`installing Debian ${pkg} for the tests…`);
  if (!updated) {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', timeout: 300_000 });
    updated = true;
  }
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    timeout: 900_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!fs.existsSync(binary)) throw new Error(`${pkg} install finished but ${binary} is missing`);
}
