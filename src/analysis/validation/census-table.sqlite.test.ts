import { describeCensusTable } from './census-table.cases.js';

describeCensusTable('sqlite');
