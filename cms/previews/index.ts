/**
 * The preview of each collection the table marks `preview: true`, in the
 * site's own styles (tests/schema/collection-table.test.ts checks both
 * lists agree).
 */
import type { CollectionName } from '../../src/schema/index.ts';
import { NewsPreview } from './news.ts';
import { PracticePreview } from './practice.ts';
import { ProgrammePreview } from './programme.ts';
import { StagePreview } from './stage.ts';

export const PREVIEWS: Partial<Record<CollectionName, typeof NewsPreview>> = {
  news: NewsPreview,
  practices: PracticePreview,
  programs: ProgrammePreview,
  roadmap: StagePreview,
};
