/**
 * Inside the CMS a problem names the person, not the registry id.
 *
 * The validator's messages (logs, CI, `npm run validate`) name registry
 * people by id only. The editor, who may open the registry in the CMS
 * anyway, needs to know whom a refused save is about: «p-007» tells them
 * nothing. So the CMS's own checks put the person's name in its place.
 */
import type { Problem } from '../src/lib/problems.ts';
import { isPerson } from '../src/privacy/consent-policy.ts';
import type { RegistryRecord } from '../src/schema/registry.ts';

/** «Фамилия Имя Отчество». */
export function fullName(name: { last: string; first: string; middle?: string | undefined }): string {
  return [name.last, name.first, name.middle].filter(Boolean).join(' ');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The problems with every registry id of a living person replaced by the person's name. */
export function namePeople(problems: readonly Problem[], registry: ReadonlyMap<string, RegistryRecord>): Problem[] {
  const names = new Map([...registry].flatMap(([id, record]) => (isPerson(record) ? [[id, fullName(record.name)] as const] : [])));
  if (names.size === 0) return [...problems];
  const ids = new RegExp(`(?<![\\w-])(?:${[...names.keys()].map(escape).join('|')})(?![\\w-])`, 'g');
  return problems.map((p) => ({ ...p, message: p.message.replace(ids, (id) => names.get(id) ?? id) }));
}
