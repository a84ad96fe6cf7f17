import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { CODE_TABLES, EVENT_TYPES, toJsonSchema } from './catalog/index.js';

/** The event catalog: every type with its fields, code tables, submitters and JSON Schema. */
export async function catalogRoutes(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/event-types',
    {
      config: { access: { permission: 'catalog.read' } },
      schema: { tags: ['exchange'], summary: 'The event catalog (what each department submits)', querystring: Type.Object({}) },
    },
    async () => ({
      items: EVENT_TYPES.map((type) => ({
        key: type.key,
        labelZh: type.labelZh,
        labelEn: type.labelEn,
        descriptionZh: type.descriptionZh,
        descriptionEn: type.descriptionEn,
        department: type.department,
        submitters: type.submitters,
        eventDateField: type.eventDateField,
        subjectField: type.subjectField,
        fields: type.fields.map((field) => ({
          key: field.key,
          labelZh: field.labelZh,
          labelEn: field.labelEn,
          kind: field.kind,
          required: field.required,
          codeTable: field.codeTable ?? null,
          codes: field.codes ?? null,
          maxLength: field.maxLength ?? null,
          descriptionZh: field.descriptionZh,
          descriptionEn: field.descriptionEn,
        })),
        rules: type.rules,
        schema: toJsonSchema(type),
      })),
      codeTables: Object.values(CODE_TABLES).map((table) => ({
        name: table.name,
        titleZh: table.titleZh,
        titleEn: table.titleEn,
        system: table.system,
        entries: table.entries.map((e) => ({ code: e.code, labelZh: e.labelZh, labelEn: e.labelEn })),
      })),
    }),
  );
}
