import { useTranslation } from 'react-i18next';
import { seg } from '../../api/client.js';
import type { Division, Org, Session } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { useApiQuery } from '../../hooks/use-api-query.js';

export interface Jurisdiction {
  loading: boolean;
  names: string[];
}

/**
 * The divisions the user may see, as names. The session says whether that is the whole
 * district; otherwise the organisation record (org.read) lists the divisions by code.
 */
export function useJurisdiction(session: Session): Jurisdiction {
  const { t } = useTranslation();
  const { can } = useSession();
  const org = session.user.org;
  const districtWide = session.jurisdiction?.districtWide ?? false;
  const needOrg = !districtWide && !org.divisions && can('org.read');
  const orgQuery = useApiQuery<Org>(needOrg ? `/api/v1/orgs/${seg(org.code)}` : null);
  const divisionsQuery = useApiQuery<{ items: Division[] }>(
    !districtWide && can('division.read') ? '/api/v1/divisions' : null,
  );
  if (districtWide) return { loading: false, names: [t('home.jurisdictionDistrict')] };
  const loading = orgQuery.loading || divisionsQuery.loading;
  const codes = org.divisions ?? orgQuery.data?.divisions ?? [];
  if (codes.length === 0) {
    const count = session.jurisdiction?.divisions ?? 0;
    return { loading, names: [count > 0 ? t('home.jurisdictionCount', { count }) : t('home.jurisdictionUnknown')] };
  }
  const byCode = new Map((divisionsQuery.data?.items ?? []).map((d) => [d.code, d.name]));
  return { loading, names: codes.map((code) => byCode.get(code) ?? code) };
}
