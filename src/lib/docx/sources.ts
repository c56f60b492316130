/**
 * What the document drafts take from the content: the school's Положение and
 * the order that approved it (for the order's preamble), the order a
 * programme was approved by, and the people of the registry by id.
 */
import type { DocumentEntry } from '../../schema/documents.ts';
import type { RegulationRef } from './order.ts';

export interface DocRecord {
  id: string;
  data: DocumentEntry;
}

/** The school's current Положение on mentoring and the order that approved it. */
export function findRegulation(documents: readonly DocRecord[]): RegulationRef | undefined {
  const superseded = new Set(documents.map((d) => d.data.supersedes).filter(Boolean));
  const regulation = documents
    .filter((d) => d.data.kind === 'regulation' && d.data.level === 'school' && !superseded.has(d.id))
    .sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id))[0];
  if (!regulation) return undefined;
  const approving = documents.find(
    (d) => d.data.kind === 'order' && d.data.level === 'school' && d.data.date === regulation.data.date && /положени/i.test(d.data.title),
  );
  return {
    title: regulation.data.title,
    ...(approving ? { approvedBy: { date: approving.data.date, number: approving.data.number } } : {}),
  };
}

/** The date and number of the order a programme refers to. */
export function orderRef(
  documents: readonly DocRecord[],
  id: string | undefined,
): { date: string; number?: string | undefined } | undefined {
  const doc = id ? documents.find((d) => d.id === id) : undefined;
  return doc ? { date: doc.data.date, number: doc.data.number } : undefined;
}
