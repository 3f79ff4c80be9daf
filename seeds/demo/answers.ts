/** How a body of a given strength answers each kind of question (deterministic per body). */
export interface InstrumentQuestion {
  code: string;
  type: 'YES_NO' | 'CHOICE' | 'MULTI_CHOICE' | 'NUMBER' | 'TEXT';
  maxPoints: string;
  options?: { value: string; points: string }[];
  thresholds?: { min: string; points: string }[];
  evidence: 'NONE' | 'FILE' | 'URL' | 'FILE_OR_URL';
  required: boolean;
}

/** A small deterministic PRNG (mulberry32), so every demo run tells the same story. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function answerFor(q: InstrumentQuestion, strength: number, rand: () => number): unknown {
  switch (q.type) {
    case 'YES_NO':
      return rand() < strength;
    case 'CHOICE': {
      const sorted = [...q.options!].sort((a, b) => Number(a.points) - Number(b.points));
      const idx = Math.min(sorted.length - 1, Math.max(0, Math.round((strength + (rand() - 0.5) * 0.4) * (sorted.length - 1))));
      return sorted[idx].value;
    }
    case 'MULTI_CHOICE':
      return q.options!.filter(() => rand() < strength).map((o) => o.value);
    case 'NUMBER': {
      const sorted = [...q.thresholds!].sort((a, b) => Number(a.min) - Number(b.min));
      const best = sorted.reduce((a, b) => (Number(b.points) > Number(a.points) ? b : a));
      if (rand() < strength) return Number(best.min) + Math.floor(rand() * 3);
      return Number(sorted[0].min);
    }
    case 'TEXT':
      return strength > 0.5
        ? 'Layanan permohonan informasi melalui WhatsApp dan aplikasi PPID daring, terintegrasi dengan portal Satu Data.'
        : 'Permohonan informasi dilayani di meja layanan.';
  }
}
