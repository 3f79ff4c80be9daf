export * from './kalteng';
export * from './instrument';
