import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Principal } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors/index.js';
import { principalOf } from '../platform/http/access-gate.js';
import { computeDashboard, computeIndicators, TREND_MONTHS_MAX } from './indicators/compute-indicators.js';

/** The area a caller asks about: the district for the bureau by default, else the caller's own division; never outside its jurisdiction. */
export function areaFor(principal: Principal, ctx: AppContext, division: string | undefined): string {
  const given = division && /^(\d{6}|\d{9})$/.test(division) ? division.padEnd(12, '0') : division;
  const code = given ?? (principal.districtWide ? ctx.tree.root.code : principal.orgDivisions[0]);
  if (code === undefined) throw new AppError('FORBIDDEN', { details: { division: null } });
  if (!ctx.tree.has(code)) throw new AppError('UNKNOWN_DIVISION', { details: { division: code } });
  if (!principal.districtWide && !principal.jurisdiction.has(code)) throw new AppError('FORBIDDEN', { details: { division: code } });
  return code;
}

/** The query of a report: its period, area and whether it is for publication. */
const REPORT_QUERY = {
  period: Type.String({ maxLength: 40, description: '2025, 2025-Q1, 2025-03 or FROM..TO (both ends included)' }),
  division: Type.Optional(Type.String({ maxLength: 12, description: 'a division code of the district (default: the district, or the caller’s own division)' })),
  publish: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')], { description: 'blank cells under 5 persons for public release' })),
};

const isPublish = (value: string | undefined) => value === '1' || value === 'true';

/** Demographic indicators by period and area (docs/API.md, "Analysis"). */
export async function statsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/stats/indicators',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags: ['analysis'],
        summary: 'Indicators of one area and period, each with its numerator, denominator and definition; the same object as popx stats --format json',
        querystring: Type.Object(REPORT_QUERY),
      },
    },
    async (request) => {
      const query = request.query as { period: string; division?: string; publish?: string };
      const division = areaFor(principalOf(request), ctx, query.division);
      return computeIndicators(ctx.db, ctx.tree, { period: query.period, division, publish: isPublish(query.publish) });
    },
  );
  app.get(
    '/api/v1/stats/dashboard',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags: ['analysis'],
        summary: 'The dashboard in one request: the area’s indicators, those of each area one level down for the same period, and of each month of the trend',
        querystring: Type.Object({
          ...REPORT_QUERY,
          months: Type.Optional(Type.Integer({ minimum: 0, maximum: TREND_MONTHS_MAX, description: 'months of the trend, ending with the period’s last month (default 12)' })),
        }),
      },
    },
    async (request) => {
      const query = request.query as { period: string; division?: string; publish?: string; months?: number };
      const division = areaFor(principalOf(request), ctx, query.division);
      return computeDashboard(ctx.db, ctx.tree, { period: query.period, division, publish: isPublish(query.publish), trendMonths: query.months });
    },
  );
}
