/**
 * Table shapes as Kysely sees them. Portable types only: TEXT for ids, ISO-8601 UTC
 * timestamps and JSON; INTEGER 0/1 for flags; BIGINT (parsed to number) for sequences.
 */
export interface DivisionTable {
  code: string;
  name: string;
  level: 'district' | 'town' | 'village';
  parent_code: string | null;
  kind: string | null;
}

export interface OrgTable {
  id: string;
  code: string;
  type: string;
  name: string;
  parent_id: string | null;
  liaison_name: string | null;
  liaison_phone: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface OrgDivisionTable {
  org_id: string;
  division_code: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  org_id: string;
  password_hash: string;
  must_change_password: number;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  org_code: string | null;
  action: string;
  target_type: string | null;
  target_ids: string;
  purpose: string | null;
  result: string;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface ChainHeadTable {
  name: string;
  seq: number;
  hash: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface SubmissionTable {
  id: string;
  org_id: string;
  org_code: string;
  type: string;
  channel: string;
  filename: string | null;
  format: string | null;
  encoding: string | null;
  file_sha256: string | null;
  bytes: number | null;
  idempotency_key: string | null;
  mode: string;
  status: string;
  submitted_by: string | null;
  received_at: string;
  finished_at: string | null;
  received: number;
  accepted: number;
  duplicate: number;
  corrected: number;
  cancelled: number;
  rejected: number;
  warnings: number;
  ledger_from: number | null;
  ledger_to: number | null;
  head_hash: string | null;
  file_problem: string | null;
}

export interface SubmissionIssueTable {
  submission_id: string;
  row: number;
  ordinal: number;
  severity: string;
  code: string;
  field: string | null;
  value: string | null;
  message: string;
  message_zh: string;
}

export interface LedgerTable {
  seq: number;
  submission_id: string;
  org_code: string;
  type: string;
  record_id: string;
  action: string;
  refs_seq: number | null;
  subject: string | null;
  event_date: string | null;
  payload: string;
  payload_hash: string;
  committed_at: string;
  prev_hash: string;
  hash: string;
}

export interface RecordStateTable {
  org_code: string;
  type: string;
  record_id: string;
  latest_seq: number;
  payload_hash: string;
  status: string;
}

export interface PersonTable {
  id: number;
  status: 'active' | 'retracted';
  merged_into: number | null;
  id_number: string | null;
  name: string | null;
  name_key: string | null;
  sex: string | null;
  birth_date: string | null;
  died_on: string | null;
  hukou_division: string | null;
  residence_division: string | null;
  managing_division: string | null;
  population: string;
  marital_status: string | null;
  expected_delivery_on: string | null;
  contraception_method: string | null;
  household_number: string | null;
  /** JSON: insurance, permit and licence flags. */
  flags: string;
  /** JSON: per golden field, its value and the ledger entry it came from. */
  golden: string;
  created_seq: number;
  updated_seq: number;
}

export interface PersonRecordTable {
  seq: number;
  role: string;
  person_id: number;
  org_code: string;
  type: string;
  record_id: string;
  method: string;
  score: number | null;
}

export interface PersonRelationTable {
  seq: number;
  person_id: number;
  kind: string;
  other_id: number;
  since: string | null;
  until: string | null;
}

export interface LinkReviewTable {
  id: string;
  seq: number;
  role: string;
  person_id: number;
  candidate_id: number;
  score: number;
  evidence: string;
  status: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
}

export interface LinkDecisionTable {
  id: string;
  kind: 'same' | 'different';
  seq_a: number;
  role_a: string;
  seq_b: number;
  role_b: string;
  active: number;
  decided_by: string;
  decided_at: string;
  note: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface RegistryCursorTable {
  name: string;
  seq: number;
  updated_at: string;
}

/** A blocking key (32-bit hash) of an active person's golden record, for probabilistic linkage. */
export interface PersonBlockingKeyTable {
  key: number;
  person_id: number;
  /** Hash of the sorted digits of the person's valid ID number; 0 without one. */
  id_sig: number;
}

export interface AgreementTable {
  id: string;
  org_id: string;
  org_code: string;
  title: string;
  purpose: string;
  /** JSON object: event type → the payload field keys shared. */
  event_fields: string;
  /** JSON array of registry fields shared by person queries and lists. */
  person_fields: string;
  /** JSON: `{"mode":"jurisdiction"}` or `{"mode":"divisions","codes":[…]}`. */
  area: string;
  valid_from: string;
  valid_to: string | null;
  status: 'requested' | 'approved' | 'refused' | 'suspended' | 'revoked';
  version: number;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  updated_at: string;
}

export interface AgreementHistoryTable {
  agreement_id: string;
  version: number;
  action: string;
  actor: string;
  at: string;
  note: string | null;
  snapshot: string;
}

export interface WebhookEndpointTable {
  id: string;
  org_id: string;
  org_code: string;
  agreement_id: string;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  allow_private: number;
  active: number;
  disabled_reason: string | null;
  notified_seq: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryTable {
  id: string;
  endpoint_id: string;
  upto_seq: number;
  body: string;
  status: 'pending' | 'delivered' | 'failed' | 'gone';
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface WebhookAttemptTable {
  delivery_id: string;
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export type CaseStatus = 'open' | 'in_progress' | 'resolved' | 'dismissed';

/** A cross-verification case: one rule's contradiction about one person. */
export interface CaseTable {
  id: string;
  rule_id: string;
  rule_version: number;
  person_id: number;
  status: CaseStatus;
  /** The organisation that must act: a town (by the person's managing division) or the department whose data is suspect. */
  owner_org_code: string | null;
  /** The person's managing division when the case was last evaluated (towns see their jurisdiction's cases). */
  division_code: string | null;
  due_on: string;
  /** JSON: `{summary:{en,zh}, entries:[…]}`, the conflicting ledger entries side by side. */
  evidence: string;
  /** The ledger entries of the evidence, sorted and joined: a changed key is new evidence. */
  evidence_key: string;
  /** Counts the case's events; the optimistic-concurrency token of every change. */
  version: number;
  opened_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
  /** When the system escalated the open case to the bureau for being past its due date; cleared on reopening. */
  escalated_at: string | null;
}

/** A daily full cross-verification run: one row per district day, claimed by the process that runs it. */
export interface CrosscheckRunTable {
  day: string;
  runner: string;
  started_at: string;
  finished_at: string | null;
  /** JSON: the run's tallies. */
  result: string | null;
}

export interface CaseEventTable {
  case_id: string;
  version: number;
  action: string;
  actor: string;
  at: string;
  note: string | null;
}

export interface Database {
  divisions: DivisionTable;
  orgs: OrgTable;
  org_divisions: OrgDivisionTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  chain_heads: ChainHeadTable;
  settings: SettingTable;
  submissions: SubmissionTable;
  submission_issues: SubmissionIssueTable;
  ledger: LedgerTable;
  record_state: RecordStateTable;
  persons: PersonTable;
  person_records: PersonRecordTable;
  person_relations: PersonRelationTable;
  link_reviews: LinkReviewTable;
  link_decisions: LinkDecisionTable;
  registry_cursor: RegistryCursorTable;
  person_blocking_keys: PersonBlockingKeyTable;
  agreements: AgreementTable;
  agreement_history: AgreementHistoryTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  cases: CaseTable;
  case_events: CaseEventTable;
  crosscheck_runs: CrosscheckRunTable;
  crosscheck_pending: { person_id: number };
}
