import type { Config } from './config/config.js';
import type { Db } from './db/index.js';
import type { DivisionTree } from './district/division-tree.js';

/** What every capability needs to run: configuration, the database, the district profile. */
export interface AppContext {
  config: Config;
  db: Db;
  tree: DivisionTree;
}
