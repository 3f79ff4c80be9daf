export * from './decimal';
export * from './question-points';
export * from './saq-score';
export * from './panel-scores';
export * from './final-score';
export * from './bands';
export * from './ranking';
export * from './finalists';
