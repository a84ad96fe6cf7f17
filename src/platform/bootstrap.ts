import { SYSTEM_ACTOR } from './audit/actor.js';
import { appendAudit } from './audit/audit-log.js';
import { assertStrongPassword, generatePassword } from './auth/passwords.js';
import type { Config } from './config/config.js';
import type { AppContext } from './context.js';
import { migrateToLatest, openDatabase, type Db } from './db/index.js';
import { readDistrictFile, SHIPPED_DISTRICT_FILE, type DistrictProfile } from './district/district-file.js';
import { DivisionTree } from './district/division-tree.js';
import { hasDistrictProfile, insertDistrictProfile, listDivisions } from './district/divisions.repository.js';
import { AppError } from './errors/index.js';
import { demoOrgs } from './orgs/demo-orgs.js';
import { seedDemoAgreements } from '../sharing/agreements/demo-agreements.js';
import { eventTypeKeys } from '../exchange/catalog/index.js';
import { insertOrg } from './orgs/orgs.service.js';
import { createUser } from './users/users.service.js';

export interface StartupReport {
  migrationsApplied: string[];
  initialised: boolean;
  /** Set when the admin user was created with a generated password (print it once). */
  adminPassword?: string;
}

/**
 * Opens the database, migrates it, and on an empty database loads the district profile, the
 * demo organisations and the admin user. Returns the context every capability runs on.
 */
export async function openContext(
  config: Config,
  options: { pgSchema?: string; initialise?: boolean } = {},
): Promise<{ ctx: AppContext; report: StartupReport }> {
  const db = await openDatabase(config.databaseUrl, { pgSchema: options.pgSchema });
  try {
    const migrationsApplied = await migrateToLatest(db);
    let initialised = false;
    let adminPassword: string | undefined;
    if (options.initialise !== false && !(await hasDistrictProfile(db))) {
      const profile = readDistrictFile(config.districtFile ?? SHIPPED_DISTRICT_FILE);
      adminPassword = await initialiseDistrict(db, config, profile);
      initialised = true;
    }
    const tree = await loadDivisionTree(db);
    return { ctx: { config, db, tree }, report: { migrationsApplied, initialised, adminPassword } };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** The division tree of an initialised database. */
export async function loadDivisionTree(db: Db): Promise<DivisionTree> {
  const rows = await listDivisions(db);
  if (rows.length === 0) {
    throw new Error('the database holds no district profile yet: run `popx init` or `popx serve` once');
  }
  return new DivisionTree(rows);
}

/**
 * Loads a district profile, its demo organisations and the admin user into an empty database.
 * Returns the generated admin password when POPX_ADMIN_PASSWORD was not set.
 */
export async function initialiseDistrict(db: Db, config: Config, profile: DistrictProfile): Promise<string | undefined> {
  if (await hasDistrictProfile(db)) throw new AppError('ALREADY_INITIALISED');
  // Check the bootstrap password before writing anything, so a weak one leaves the database empty.
  if (config.adminPassword) assertStrongPassword(config.adminPassword, 'admin');
  const tree = new DivisionTree(profile.divisions);
  const ctx: AppContext = { config, db, tree };
  await db.kysely.transaction().execute(async (trx) => {
    await insertDistrictProfile(trx, profile);
    for (const org of demoOrgs(tree)) await insertOrg(ctx, trx, org);
    await seedDemoAgreements(trx, tree.root.code, eventTypeKeys());
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'system.init',
      targetType: 'district',
      targetIds: [profile.code],
      details: { name: profile.name, divisions: profile.divisions.length, provenance: profile.provenance },
    });
  });
  const generated = config.adminPassword ? undefined : generatePassword();
  await createUser(ctx, SYSTEM_ACTOR, {
    username: 'admin',
    displayName: '系统管理员',
    role: 'bureau_admin',
    orgCode: 'BUREAU',
    password: config.adminPassword ?? generated,
    // A password printed to a console must be replaced at first sign-in.
    mustChangePassword: generated !== undefined,
  });
  return generated;
}
