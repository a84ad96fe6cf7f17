/**
 * Every error code the platform answers with, its HTTP status and the default message in
 * English and Chinese. docs/ERRORS.md lists the same codes (a test keeps them in step).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: {
    status: 400,
    en: 'The request is not valid; see details for the fields to fix.',
    zh: '请求内容不符合要求，请按详情修改相应字段。',
  },
  MALFORMED_JSON: {
    status: 400,
    en: 'The request body is not valid JSON.',
    zh: '请求正文不是有效的 JSON。',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    en: 'This content type is not accepted here.',
    zh: '不支持此内容类型。',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    en: 'The request body is too large.',
    zh: '请求正文过大。',
  },
  UNAUTHENTICATED: {
    status: 401,
    en: 'Sign in first, or send a valid API token.',
    zh: '请先登录，或提供有效的接口令牌。',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    en: 'Wrong username or password.',
    zh: '用户名或密码错误。',
  },
  TOKEN_INVALID: {
    status: 401,
    en: 'The API token is unknown, expired or revoked.',
    zh: '接口令牌无效、已过期或已吊销。',
  },
  SESSION_EXPIRED: {
    status: 401,
    en: 'Your session has expired; sign in again.',
    zh: '会话已过期，请重新登录。',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    en: 'Too many failed sign-ins; the account is locked for a while.',
    zh: '登录失败次数过多，账号已临时锁定。',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    en: 'This account is disabled; ask the bureau administrator.',
    zh: '该账号已停用，请联系人口计生局管理员。',
  },
  CSRF_FAILED: {
    status: 403,
    en: 'The request lacks a valid CSRF token; reload the page and try again.',
    zh: '请求缺少有效的防跨站令牌，请刷新页面后重试。',
  },
  FORBIDDEN: {
    status: 403,
    en: 'Your role or jurisdiction does not allow this.',
    zh: '您的角色或辖区无权进行此操作。',
  },
  NOT_FOUND: {
    status: 404,
    en: 'Not found.',
    zh: '未找到。',
  },
  ORG_EXISTS: {
    status: 409,
    en: 'An organisation with this code already exists.',
    zh: '该机构代码已存在。',
  },
  USER_EXISTS: {
    status: 409,
    en: 'A user with this username already exists.',
    zh: '该用户名已存在。',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    en: 'This Idempotency-Key was already used for a different file; use a new key for a new file.',
    zh: '该幂等键已用于另一份文件；新文件请使用新的幂等键。',
  },
  ALREADY_DECIDED: {
    status: 409,
    en: 'This has already been decided; reload to see the decision.',
    zh: '该事项已处理，请刷新查看处理结果。',
  },
  INVALID_MERGE: {
    status: 400,
    en: 'These persons cannot be merged (the same person, or one is no longer active).',
    zh: '无法合并这两个人员（为同一人，或其中一人已不在库）。',
  },
  INVALID_CASE_STATE: {
    status: 409,
    en: 'This case is not in a state that allows this action; reload to see its status.',
    zh: '该核查案件当前状态不允许此操作，请刷新查看状态。',
  },
  INVALID_AGREEMENT_STATE: {
    status: 409,
    en: 'This agreement is not in a state that allows this action; reload to see its status.',
    zh: '该共享协议当前状态不允许此操作，请刷新查看状态。',
  },
  SCOPE_NOT_NARROWER: {
    status: 400,
    en: 'Narrowing may only remove event types, fields, divisions or time from an agreement, never add to it.',
    zh: '收窄只能减少协议的事件类型、字段、区域或期限，不能增加。',
  },
  NO_AGREEMENT: {
    status: 403,
    en: 'Your organisation has no approved, current data-sharing agreement that covers this; request one from the population bureau.',
    zh: '本单位没有涵盖此项的有效共享协议，请向人口计生局申请。',
  },
  PURPOSE_REQUIRED: {
    status: 400,
    en: 'State the purpose of this personal-data read (a case number or reason, at least 2 characters).',
    zh: '查询个人信息须填写用途（案件编号或事由，至少 2 个字）。',
  },
  WEBHOOK_TARGET_REFUSED: {
    status: 400,
    en: "The webhook URL must be https or http to a public address; private and loopback addresses need an administrator's permission.",
    zh: '回调地址须为公网 http(s) 地址；内网或本机地址须经管理员允许。',
  },
  INVALID_PARENT: {
    status: 400,
    en: 'The parent organisation is unknown or would create a cycle.',
    zh: '上级机构不存在或会形成循环。',
  },
  INVALID_PERIOD: {
    status: 400,
    en: 'The period is not valid: use 2025, 2025-Q1, 2025-03 or FROM..TO (YYYY-MM-DD or YYYY-MM, from no later than to).',
    zh: '统计期不正确：请用 2025、2025-Q1、2025-03 或 起..止（YYYY-MM-DD 或 YYYY-MM，起不晚于止）。',
  },
  UNKNOWN_DIVISION: {
    status: 400,
    en: 'A division code is not part of this district.',
    zh: '区划代码不属于本区。',
  },
  UNKNOWN_ORG: {
    status: 400,
    en: 'The organisation code is unknown.',
    zh: '机构代码不存在。',
  },
  WEAK_PASSWORD: {
    status: 400,
    en: 'The password must be at least 10 characters with letters and digits, and differ from the username.',
    zh: '密码至少 10 位，须同时包含字母和数字，且不能与用户名相同。',
  },
  RATE_LIMITED: {
    status: 429,
    en: 'Too many requests; wait a minute and try again.',
    zh: '请求过于频繁，请稍后再试。',
  },
  ALREADY_INITIALISED: {
    status: 409,
    en: 'The database already holds a district profile.',
    zh: '数据库中已有区划配置。',
  },
  INVALID_DISTRICT_FILE: {
    status: 400,
    en: 'The district file is not valid.',
    zh: '区划文件格式不正确。',
  },
  NOT_READY: {
    status: 503,
    en: 'The service is not ready.',
    zh: '服务尚未就绪。',
  },
  INTERNAL: {
    status: 500,
    en: 'An internal error occurred; it has been logged.',
    zh: '系统内部错误，已记录。',
  },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
