/** Shapes of the platform API, as docs/API.md defines them. */

export type Id = number | string;

export interface SessionOrg {
  code: string;
  name: string;
  type: string;
  /** Not in the contract yet; shown as the jurisdiction when the server sends it. */
  divisions?: string[];
}

export interface SessionUser {
  id: Id;
  username: string;
  displayName: string | null;
  role: string;
  mustChangePassword: boolean;
  org: SessionOrg;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  permissions: string[];
  /** Sent by the server beyond docs/API.md: whole district, or how many divisions. */
  jurisdiction?: { districtWide: boolean; divisions: number };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type DivisionLevel = 'district' | 'town' | 'village';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: string | null;
  kind: string | null;
}

export interface Org {
  id: Id;
  code: string;
  type: string;
  name: string;
  parentCode: string | null;
  parentName: string | null;
  divisions: string[];
  liaisonName: string | null;
  liaisonPhone: string | null;
  active: boolean;
  createdAt: string;
}

export interface OrgCreateBody {
  code: string;
  type: string;
  name: string;
  parentCode?: string;
  divisions?: string[];
  liaisonName?: string;
  liaisonPhone?: string;
}

export interface OrgPatchBody {
  name?: string;
  parentCode?: string | null;
  divisions?: string[];
  liaisonName?: string | null;
  liaisonPhone?: string | null;
  active?: boolean;
}

export interface User {
  id: Id;
  username: string;
  displayName: string | null;
  role: string;
  orgCode: string;
  orgName: string | null;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface UserCreateBody {
  username: string;
  displayName?: string;
  role: string;
  orgCode: string;
  password?: string;
}

export interface UserPatchBody {
  displayName?: string;
  role?: string;
  orgCode?: string;
  active?: boolean;
  unlock?: true;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface ApiToken {
  id: Id;
  name: string;
  orgCode: string;
  orgName: string | null;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: TokenStatus;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  actorRole: string | null;
  orgCode: string | null;
  action: string;
  targetType: string | null;
  targetIds: string[] | null;
  purpose: string | null;
  result: string;
  ip: string | null;
  details: unknown;
  hash: string;
  prevHash: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; reason: string };
}

export interface SystemHealth {
  version: string;
  uptimeSeconds: number;
  dialect: string;
  database: { ok: boolean; latencyMs: number | null };
  migrations: { applied: number; pending: number };
  memory: { rssMb: number; heapUsedMb: number };
  counts: { orgs: number; users: number; activeTokens: number; auditEntries: number };
}

/** How a catalog field's value is written and checked (src/exchange/catalog/event-type.ts). */
export type FieldKind =
  'id_number' | 'string' | 'date' | 'code' | 'integer' | 'division' | 'division_any' | 'credit_code' | 'certificate';

export interface EventField {
  key: string;
  labelZh: string;
  labelEn: string;
  /** A known FieldKind; the server may add kinds, shown by their code. */
  kind: string;
  required: boolean;
  codeTable: string | null;
  /** The only codes of the table allowed here, when not all are. */
  codes: string[] | null;
  maxLength: number | null;
  descriptionZh: string;
  descriptionEn: string;
}

/** A cross-field check of an event type, as data; `rule` names the kind. */
export interface EventRule {
  rule: string;
  severity: 'error' | 'warning';
  field?: string;
  other?: string;
  idField?: string;
  birthDateField?: string;
  sexField?: string;
  dateField?: string;
  min?: number;
  max?: number;
  sex?: string;
  groups?: string[][];
  fields?: string[];
}

export interface EventType {
  key: string;
  labelZh: string;
  labelEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** The org type whose table lists the type. */
  department: string;
  /** Org types that may submit it. */
  submitters: string[];
  eventDateField: string;
  subjectField: string;
  fields: EventField[];
  rules: EventRule[];
  schema: unknown;
}

export interface CodeTableEntry {
  code: string;
  labelZh: string;
  labelEn: string;
}

export interface CodeTable {
  name: string;
  titleZh: string;
  titleEn: string;
  system: string;
  entries: CodeTableEntry[];
}

/** `GET /api/v1/event-types`. */
export interface EventCatalog {
  items: EventType[];
  codeTables: CodeTable[];
}

export type SubmissionMode = 'accept_valid' | 'reject_all';
export type SubmissionStatus = 'processing' | 'committed' | 'rejected' | 'failed';
export type IssueSeverity = 'error' | 'warning';

/** `202` answer of `POST /api/v1/submissions`; `existing` when the idempotency key was seen before. */
export interface SubmissionAccepted {
  id: string;
  status: 'processing' | 'existing';
  statusUrl: string;
}

export interface SubmissionCounts {
  received: number;
  accepted: number;
  duplicate: number;
  corrected: number;
  cancelled: number;
  rejected: number;
  warnings: number;
}

export interface SubmissionReceipt {
  ledgerFrom: number | null;
  ledgerTo: number | null;
  headHash: string | null;
}

/** Why the whole file was refused (missing columns, unreadable file, not allowed…). */
export interface FileProblem {
  code: string;
  message: string;
  messageZh: string;
  details?: unknown;
}

/** One row of `GET /api/v1/submissions`. */
export interface Submission extends SubmissionCounts {
  id: string;
  orgCode: string;
  /** Not sent yet; shown instead of the code when the server adds it. */
  orgName?: string | null;
  type: string;
  channel: string;
  filename: string | null;
  format: string | null;
  encoding: string | null;
  mode: SubmissionMode;
  status: SubmissionStatus;
  receivedAt: string;
  finishedAt: string | null;
  fileSha256: string | null;
  bytes: number | null;
  receipt: SubmissionReceipt | null;
  fileProblem: FileProblem | null;
}

export interface SubmissionIssue {
  row: number;
  severity: IssueSeverity;
  code: string;
  field: string | null;
  value: string | null;
  message: string;
  messageZh: string;
}

export interface SubmissionProgress {
  phase: 'validating' | 'committing' | 'done';
  rows: number;
  queuePosition: number;
}

/** `GET /api/v1/submissions/{id}`: the row plus live progress and the first issues. */
export interface SubmissionDetail extends Submission {
  progress: SubmissionProgress | null;
  issues: SubmissionIssue[];
  issueCount: number;
}

/** A person in lists (`GET /api/v1/persons`): ID number masked. */
export interface PersonSummary {
  id: number;
  idNumber: string | null;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  diedOn: string | null;
  population: string;
  managingDivision: string | null;
  hukouDivision: string | null;
  residenceDivision: string | null;
  maritalStatus: string | null;
}

export interface LinkEvidence {
  field: string;
  a: string | null;
  b: string | null;
  /** exact · pinyin · different · missing (child matcher), or a linkage level key (same_sound, day_month_swapped, other, …). */
  level: string;
  labelZh: string;
  labelEn: string;
  weight: number;
}

/** `GET /api/v1/persons/:id`. */
export interface PersonDetail {
  unmasked: boolean;
  person: PersonSummary & {
    status: string;
    householdNumber: string | null;
    expectedDeliveryOn: string | null;
    contraceptionMethod: string | null;
    flags: Record<string, unknown>;
  };
  golden: Array<{ field: string; value: string; seq: number; orgCode: string; type: string; on: string }>;
  relations: Array<{
    kind: string;
    direction: 'in' | 'out';
    since: string | null;
    until: string | null;
    seq: number;
    person: { id: number; idNumber: string | null; name: string | null; sex: string | null; birthDate: string | null };
  }>;
  household: PersonSummary[];
  timeline: Array<{
    seq: number;
    role: string;
    method: string;
    orgCode: string;
    orgName: string | null;
    type: string;
    recordId: string;
    action: string;
    eventDate: string | null;
    committedAt: string;
    fields: Record<string, unknown> | null;
  }>;
  decisions: Array<{ id: string; kind: string; decidedBy: string; decidedAt: string; note: string | null }>;
}

/** `GET /api/v1/link-reviews`. */
export interface LinkReview {
  id: string;
  seq: number;
  role: string;
  orgCode: string;
  type: string;
  eventDate: string | null;
  record: Record<string, unknown> | null;
  score: number;
  evidence: LinkEvidence[];
  status: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  person: PersonSummary | null;
  candidate: PersonSummary | null;
}

export type AgreementStatus = 'requested' | 'approved' | 'refused' | 'suspended' | 'revoked';
export type AgreementAction = 'approve' | 'narrow' | 'refuse' | 'suspend' | 'resume' | 'revoke';
export type AgreementArea = { mode: 'jurisdiction' } | { mode: 'divisions'; codes: string[] };

/** What an agreement shares: per event type its payload fields, registry fields, area, period. */
export interface AgreementScope {
  eventFields: Record<string, string[]>;
  personFields: string[];
  area: AgreementArea;
  validFrom: string;
  validTo: string | null;
}

/** One row of `GET /api/v1/agreements`. */
export interface Agreement extends AgreementScope {
  id: string;
  orgCode: string;
  orgName: string | null;
  title: string;
  purpose: string;
  status: AgreementStatus;
  version: number;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  /** Approved and within its period today: its data can be read. */
  current: boolean;
}

/** `GET /api/v1/agreements/:id`. */
export interface AgreementDetail extends Agreement {
  history: Array<{ version: number; action: string; actor: string; at: string; note: string | null }>;
}

/** `POST /api/v1/agreements`. */
export interface AgreementRequestBody extends AgreementScope {
  title: string;
  purpose: string;
  orgCode?: string;
}

/** One event of a change feed, cut to the agreement's fields. */
export interface FeedItem {
  seq: number;
  type: string;
  action: string;
  recordId: string;
  refsSeq: number | null;
  orgCode: string;
  eventDate: string | null;
  committedAt: string;
  fields: Record<string, unknown>;
}

/** `GET /api/v1/feeds/:agreement`: one page and the cursor for the next. */
export interface FeedPage {
  agreement: string;
  items: FeedItem[];
  next: number;
  watermark: number;
  hasMore: boolean;
}

/** `GET /api/v1/downloads/due-list?format=json`. */
export interface DueList {
  agreement: string;
  from: string;
  to: string;
  fields: string[];
  items: Array<Record<string, unknown>>;
  total: number;
}

/** `GET /api/v1/webhooks`. */
export interface Webhook {
  id: string;
  orgCode: string;
  agreementId: string;
  url: string;
  active: boolean;
  allowPrivate: boolean;
  disabledReason: string | null;
  notifiedSeq: number;
  createdAt: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'gone';

/** `GET /api/v1/webhooks/:id/deliveries`. */
export interface WebhookDelivery {
  id: string;
  uptoSeq: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** `GET /api/v1/webhook-deliveries/:id/attempts`. */
export interface WebhookAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
}

/** A cross-verification case's status. */
export type CaseStatus = 'open' | 'in_progress' | 'resolved' | 'dismissed';
export type CaseAction = 'start' | 'resolve' | 'dismiss' | 'reopen' | 'comment';
export interface BilingualText {
  zh: string;
  en: string;
}

/** `GET /api/v1/cases` rows. */
export interface CaseSummary {
  id: string;
  rule: string;
  ruleVersion: number;
  status: CaseStatus;
  person_id: number;
  /** The person's name and ID number, masked as the registry masks it. */
  personName: string | null;
  personIdNumber: string | null;
  ownerOrgCode: string | null;
  ownerOrgName: string | null;
  divisionCode: string | null;
  divisionName: string | null;
  dueOn: string;
  /** When the system escalated the overdue case to the bureau. */
  escalatedAt: string | null;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  evidenceSummary: BilingualText;
}

/** One ledger entry of a case's evidence. */
export interface CaseEvidenceEntry {
  seq: number;
  orgCode: string;
  type: string;
  recordId: string;
  eventDate: string | null;
  fields: Record<string, unknown>;
}

/** `GET /api/v1/cases/:id`. */
export interface CaseDetail extends CaseSummary {
  evidence: { summary: BilingualText; entries: CaseEvidenceEntry[] };
  history: { version: number; action: string; actor: string; at: string; note: string | null }[];
}

/** `GET /api/v1/crosscheck/rules` items. */
export interface CrosscheckRuleInfo {
  id: string;
  version: number;
  description: BilingualText;
  severity: 'high' | 'medium' | 'low';
  sources: string[];
  graceDays: number;
  dueDays: number;
  responsible: 'managing_town' | 'suspect_department';
  autoClose: BilingualText;
  openCases: number;
}

/** Counts of cases in the data-quality summary. */
export interface QualityCounts {
  open: number;
  resolved: number;
  dismissed: number;
  total: number;
  medianDaysToResolve: number | null;
}

/** `GET /api/v1/crosscheck/quality` items: one responsible unit. */
export interface QualityUnit extends QualityCounts {
  unit: string | null;
  unitName: string | null;
  unitType: string | null;
  byRule: Array<QualityCounts & { rule: string }>;
}
