import type { AdminPeriodPage } from '../admin-page';

/** The console's pages from verification onwards (assignments, panel, ranking, publication, certificates, reports). */
export const resultsPages: AdminPeriodPage[] = [];
