import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { PASSWORD_PATH, RequireAuth } from '../auth/require-auth.js';
import type { LoginRouteState } from '../auth/require-auth.js';
import { RequirePermission } from '../auth/require-permission.js';
import { useSession } from '../auth/session-context.js';
import { LoadingState } from '../components/loading-state.js';
import { AppLayout } from '../layout/app-layout.js';
import { LoginPage } from '../pages/auth/login-page.js';
import { NotFoundPage } from '../pages/errors/not-found-page.js';
import { HomePage } from '../pages/home/home-page.js';
import { isPageNavItem, NAV_ITEMS } from './nav-items.js';
import type { PageNavItem } from './nav-items.js';

// Pages load on demand so the login screen does not wait for tables it never shows.
function lazyNamed<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PAGES: Record<PageNavItem['key'], LazyExoticComponent<ComponentType>> = {
  divisions: lazyNamed(() => import('../pages/divisions/divisions-page.js'), 'DivisionsPage'),
  analysis: lazyNamed(() => import('../pages/analysis/analysis-page.js'), 'AnalysisPage'),
  catalog: lazyNamed(() => import('../pages/exchange/catalog/catalog-page.js'), 'CatalogPage'),
  upload: lazyNamed(() => import('../pages/exchange/upload/upload-page.js'), 'UploadPage'),
  submissions: lazyNamed(() => import('../pages/exchange/submissions/submissions-page.js'), 'SubmissionsPage'),
  persons: lazyNamed(() => import('../pages/registry/persons-page.js'), 'PersonsPage'),
  reviews: lazyNamed(() => import('../pages/registry/reviews-page.js'), 'ReviewsPage'),
  agreements: lazyNamed(() => import('../pages/sharing/agreements-page.js'), 'AgreementsPage'),
  myData: lazyNamed(() => import('../pages/sharing/my-data-page.js'), 'MyDataPage'),
  townDownloads: lazyNamed(() => import('../pages/sharing/town-downloads-page.js'), 'TownDownloadsPage'),
  cases: lazyNamed(() => import('../pages/crosscheck/cases-page.js'), 'CasesPage'),
  crosscheckRules: lazyNamed(() => import('../pages/crosscheck/rules-page.js'), 'RulesPage'),
  crosscheckQuality: lazyNamed(() => import('../pages/crosscheck/quality-page.js'), 'QualityPage'),
  orgs: lazyNamed(() => import('../pages/orgs/orgs-page.js'), 'OrgsPage'),
  users: lazyNamed(() => import('../pages/users/users-page.js'), 'UsersPage'),
  tokens: lazyNamed(() => import('../pages/tokens/tokens-page.js'), 'TokensPage'),
  audit: lazyNamed(() => import('../pages/audit/audit-page.js'), 'AuditPage'),
  system: lazyNamed(() => import('../pages/system/system-page.js'), 'SystemPage'),
  password: lazyNamed(() => import('../pages/account/password-page.js'), 'PasswordPage'),
};

const SubmissionDetailPage = lazyNamed(
  () => import('../pages/exchange/submissions/submission-detail-page.js'),
  'SubmissionDetailPage',
);

const PersonDetailPage = lazyNamed(() => import('../pages/registry/person-detail-page.js'), 'PersonDetailPage');

const CaseDetailPage = lazyNamed(() => import('../pages/crosscheck/case-detail-page.js'), 'CaseDetailPage');

const AgreementDetailPage = lazyNamed(() => import('../pages/sharing/agreement-detail-page.js'), 'AgreementDetailPage');

/** Pages below a menu entry (not in the menu themselves), with the permission each needs. */
const DETAIL_ROUTES: ReadonlyArray<{ path: string; permission: string; Page: LazyExoticComponent<ComponentType> }> = [
  { path: '/exchange/submissions/:id', permission: 'submission.read', Page: SubmissionDetailPage },
  { path: '/registry/persons/:id', permission: 'person.read', Page: PersonDetailPage },
  { path: '/sharing/agreements/:id', permission: 'agreement.read', Page: AgreementDetailPage },
  { path: '/crosscheck/cases/:id', permission: 'case.read', Page: CaseDetailPage },
];

// Signed in (just now or already): go where the user was headed, or change the password first.
function LoginRoute() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'authenticated') {
    const from = (location.state as LoginRouteState | null)?.from;
    const target = state.session.user.mustChangePassword ? PASSWORD_PATH : safeReturnPath(from);
    return <Navigate to={target} replace />;
  }
  return <LoginPage />;
}

function safeReturnPath(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** Every route of the app; each page checks the permission its menu entry declares. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        {NAV_ITEMS.filter(isPageNavItem).map((item) => {
          const Page = PAGES[item.key];
          return (
            <Route
              key={item.key}
              path={item.path}
              element={
                <RequirePermission permission={item.permission}>
                  <Page />
                </RequirePermission>
              }
            />
          );
        })}
        {DETAIL_ROUTES.map(({ path, permission, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <RequirePermission permission={permission}>
                <Page />
              </RequirePermission>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
