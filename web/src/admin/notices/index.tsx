import type { AdminPeriodPage } from '../admin-page';

/** The console's pages for e-mail: inviting a period's PPIDs, the outbox of notices. */
export const noticesPages: AdminPeriodPage[] = [];
