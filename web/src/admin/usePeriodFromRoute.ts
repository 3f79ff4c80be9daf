import { useParams } from 'react-router';
import { useAdminPeriod } from './queries';

/** The period a period page is about, from /beranda/periode/:periodId/... */
export function usePeriodFromRoute() {
  const { periodId } = useParams();
  return useAdminPeriod(periodId);
}
