/** The registered benchmark suites, in the order `npm run bench` runs them. */
import type { Suite } from '../lib/figure.js';
import { analysisSuite } from './analysis.js';
import { crosscheckSuite } from './crosscheck.js';
import { genSuite } from './gen.js';
import { httpHelloWorldSuite } from './http-hello-world.js';
import { ingestSuite } from './ingest.js';
import { linkageSuite } from './linkage.js';
import { nodeStartupSuite } from './node-startup.js';
import { postgresCopySuite } from './postgres-copy.js';
import { sharingSuite } from './sharing.js';
import { sqliteRawInsertSuite } from './sqlite-raw-insert.js';

/** Baselines first: product suites that divide by them list them in `dependsOn`. */
export const SUITES: readonly Suite[] = [
  sqliteRawInsertSuite,
  postgresCopySuite,
  httpHelloWorldSuite,
  nodeStartupSuite,
  genSuite,
  ingestSuite,
  linkageSuite,
  sharingSuite,
  crosscheckSuite,
  analysisSuite,
];
