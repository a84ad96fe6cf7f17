import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type WebhookEndpointRow = Database['webhook_endpoints'];
export type WebhookDeliveryRow = Database['webhook_deliveries'];

/** An endpoint as the API shows it: never the secret. */
export function toEndpointView(row: WebhookEndpointRow) {
  return {
    id: row.id,
    orgCode: row.org_code,
    agreementId: row.agreement_id,
    url: row.url,
    active: row.active === 1,
    allowPrivate: row.allow_private === 1,
    disabledReason: row.disabled_reason,
    notifiedSeq: Number(row.notified_seq),
    secretRotatedUntil: row.previous_secret_until,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function toDeliveryView(row: WebhookDeliveryRow) {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    uptoSeq: Number(row.upto_seq),
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export async function findEndpoints(db: Kysely<Database>, orgCode: string | undefined, offset: number, limit: number) {
  let query = db.selectFrom('webhook_endpoints');
  if (orgCode) query = query.where('org_code', '=', orgCode);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('created_at').orderBy('id').offset(offset).limit(limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findEndpoint(db: Kysely<Database>, id: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deliveriesOf(db: Kysely<Database>, endpointId: string, offset: number, limit: number) {
  const query = db.selectFrom('webhook_deliveries').where('endpoint_id', '=', endpointId);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function attemptsOf(db: Kysely<Database>, deliveryId: string) {
  return db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('attempt').execute();
}

export async function findDelivery(db: Kysely<Database>, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}
