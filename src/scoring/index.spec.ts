import * as scoring from './index';

describe('scoring index', () => {
  it('re-exports the public API', () => {
    const names = [
      'Dec',
      'dec',
      'round2',
      'format2',
      'parseDecimalInput',
      'sumIs100',
      'checkAnswerValue',
      'selfPoints',
      'checkQuestionRule',
      'saqScore',
      'tallyAspects',
      'checkRubricScores',
      'rubricTotal',
      'mean',
      'finalScore',
      'DEFAULT_BANDS',
      'NOT_PARTICIPATING',
      'checkBands',
      'bandFor',
      'compareForRank',
      'decidingKey',
      'rankEntries',
      'selectFinalists',
    ];
    for (const name of names) expect(scoring).toHaveProperty(name);
  });
  // Its imports are held by src/architecture/architecture.spec.ts.
  it('has no toFixed or parseFloat on a score', () => {
    const fs = jest.requireActual<typeof import('fs')>('fs');
    const path = jest.requireActual<typeof import('path')>('path');
    for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
      const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
      // the repo hook: no toFixed or parseFloat call on a line that names a score, point, rank or weight
      const flagged = text.split('\n').filter((l) => /\.toFixed\(|parseFloat\(/.test(l) && /score|point|rank|weight/i.test(l));
      expect([file, flagged]).toEqual([file, []]);
    }
  });
});
