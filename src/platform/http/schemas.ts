import { Type, type TSchema } from 'typebox';

/** `page` and `pageSize` query parameters shared by every list. */
export const PagingQuery = {
  page: Type.Integer({ minimum: 1, default: 1, description: '1-based page number' }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

/** `{items, total}` for a list of the given item schema. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

