import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import { getEventType } from '../catalog/index.js';
import { writeTemplate } from './write-template.js';

/** `GET /api/v1/templates/{type}.xlsx|csv`: blank templates, cached per type and format. */
export async function templateRoutes(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-templates-'));
  app.addHook('onClose', async () => fs.rmSync(dir, { recursive: true, force: true }));
  app.get(
    '/api/v1/templates/:file',
    {
      config: { access: { permission: 'catalog.read' } },
      schema: {
        tags: ['exchange'],
        summary: 'A blank submission template: `{type}.xlsx` (dropdowns, text ID columns, 填写说明 sheet) or `{type}.csv`',
        params: Type.Object({ file: Type.String({ pattern: '^[a-z_]{2,64}\\.(xlsx|csv)$' }) }),
      },
    },
    async (request, reply) => {
      const [key, format] = (request.params as { file: string }).file.split('.') as [string, 'xlsx' | 'csv'];
      const eventType = getEventType(key);
      if (!eventType) throw new AppError('NOT_FOUND', { details: { type: key } });
      const file = path.join(dir, `${key}.${format}`);
      if (!fs.existsSync(file)) await writeTemplate(eventType, format, file);
      const name = `${eventType.labelZh}-${key}.${format}`;
      reply
        .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${key}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      return reply.send(fs.createReadStream(file));
    },
  );
}
