/** The questionnaire's autosave: the shared queue (../ui/autosave.ts) over a PPID's answer drafts. */
import { AutosaveQueue as Queue, type AutosaveDeps, type Entry as QueueEntry } from '../ui/autosave';

export type { SaveState } from '../ui/autosave';

export interface Draft {
  value: unknown;
  evidenceIds: string[];
  url: string;
}

export type Entry = QueueEntry<Draft>;

export const hasValue = (d: Draft): boolean =>
  d.value !== undefined && d.value !== null && d.value !== '' && !(typeof d.value === 'number' && Number.isNaN(d.value)) && !(Array.isArray(d.value) && d.value.length === 0);

const EMPTY: Draft = { value: undefined, evidenceIds: [], url: '' };

export class AutosaveQueue extends Queue<Draft> {
  constructor(deps: Omit<AutosaveDeps<Draft>, 'isComplete' | 'empty'>) {
    super({ ...deps, isComplete: hasValue, empty: EMPTY });
  }
}
