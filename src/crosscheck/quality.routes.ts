import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { principalOf } from '../platform/http/access-gate.js';
import { AppError } from '../platform/errors/index.js';
import { summarizeQuality } from './quality/data-quality.js';
import { parseQualityPeriod } from './quality/quality-period.js';
import { casesOpenedBetween, orgNames } from './quality/quality.queries.js';

const ALL_TIME = { label: null, from: '0000', to: '9999' };

/** The data-quality summary (反馈): per responsible unit and rule, what became of the cases its data caused. */
export async function qualityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/crosscheck/quality',
    {
      config: { access: { permission: 'case.read' } },
      schema: {
        tags: ['crosscheck'],
        summary: 'Data quality per responsible unit (town or department) and rule: cases opened in the period, open, resolved, dismissed, median days to resolve; the bureau sees every unit, a village the cases in its area by responsible unit, others only their own unit',
        querystring: Type.Object({
          period: Type.Optional(Type.String({ maxLength: 30, description: '2025, 2025-Q1, 2025-03 or FROM..TO; the cases opened in it (district time); all when absent' })),
          unit: Type.Optional(Type.String({ maxLength: 40, description: 'a responsible organisation code' })),
          rule: Type.Optional(Type.String({ maxLength: 60 })),
        }),
      },
    },
    async (request) => {
      const query = request.query as { period?: string; unit?: string; rule?: string };
      const principal = principalOf(request);
      const period = query.period ? parseQualityPeriod(query.period) : ALL_TIME;
      let unit = query.unit;
      // A village is responsible for no case (its town is), so its feedback is the cases of its own area, by the unit that owns them.
      const divisions = principal.org.type === 'village' ? [...principal.jurisdiction] : undefined;
      if (principal.org.type !== 'bureau' && principal.org.type !== 'village') {
        if (unit && unit !== principal.org.code) throw new AppError('FORBIDDEN', { message: 'only your own unit’s data quality', messageZh: '只能查看本单位的数据质量', details: { unit } });
        unit = principal.org.code;
      }
      const units = summarizeQuality(await casesOpenedBetween(ctx.db.kysely, { from: period.from, to: period.to, ownerOrgCode: unit, ruleId: query.rule, divisions }));
      const names = await orgNames(ctx.db.kysely, units.flatMap((u) => (u.unit ? [u.unit] : [])));
      return {
        period: period.label,
        items: units.map((u) => ({ ...u, unitName: u.unit ? names.get(u.unit)?.name ?? null : null, unitType: u.unit ? names.get(u.unit)?.type ?? null : null })),
      };
    },
  );
}
