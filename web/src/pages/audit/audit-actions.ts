import { useLang } from '../../i18n/use-lang.js';

/**
 * What each audited action means, in Chinese and English (the codes written by the server:
 * src/**: `recordAudit` / `appendAudit` callers). An action not listed is shown by its code.
 */
export const AUDIT_ACTIONS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  'access.denied': ['拒绝访问', 'Access denied'],
  'auth.login': ['登录', 'Sign in'],
  'auth.logout': ['退出登录', 'Sign out'],
  'auth.password_change': ['修改密码', 'Change password'],
  'system.init': ['系统初始化', 'Initialise the system'],
  'org.create': ['新建机构', 'Create organisation'],
  'org.update': ['修改机构', 'Update organisation'],
  'user.create': ['新建用户', 'Create user'],
  'user.update': ['修改用户', 'Update user'],
  'user.reset_password': ['重置用户密码', 'Reset user password'],
  'token.create': ['新建 API 令牌', 'Create API token'],
  'token.revoke': ['吊销 API 令牌', 'Revoke API token'],
  'submission.receive': ['接收报送文件', 'Receive submission'],
  'submission.commit': ['报送入账', 'Commit submission'],
  'submission.reject': ['报送退回', 'Reject submission'],
  'person.lookup': ['人员比对查询', 'Person look-up'],
  'person.view': ['查看人员（脱敏）', 'View person (masked)'],
  'person.unmask': ['查看人员明文信息', 'Unmask person'],
  'person.merge': ['合并人员', 'Merge persons'],
  'link_review.link': ['比对审核：关联', 'Review: link'],
  'link_review.not_a_match': ['比对审核：不是同一人', 'Review: not a match'],
  'link_decision.revoke': ['撤销比对决定（拆分）', 'Revoke link decision (unmerge)'],
  'agreement.request': ['申请共享协议', 'Request agreement'],
  'agreement.approve': ['批准共享协议', 'Approve agreement'],
  'agreement.narrow': ['收窄共享协议', 'Narrow agreement'],
  'agreement.refuse': ['驳回共享协议', 'Refuse agreement'],
  'agreement.suspend': ['暂停共享协议', 'Suspend agreement'],
  'agreement.resume': ['恢复共享协议', 'Resume agreement'],
  'agreement.revoke': ['撤销共享协议', 'Revoke agreement'],
  'feed.read': ['读取共享变动', 'Read shared changes'],
  'download.events': ['下载变动清单', 'Download changes'],
  'download.due_list': ['下载预产期名单', 'Download due list'],
  'webhook.create': ['新建通知地址', 'Create webhook'],
  'webhook.update': ['修改通知地址', 'Update webhook'],
  'webhook.rotate_secret': ['轮换通知密钥', 'Rotate webhook secret'],
  'webhook.redeliver': ['重发通知', 'Redeliver webhook'],
  'case.open': ['发现核查案件', 'Case opened'],
  'case.start': ['开始处理案件', 'Start case'],
  'case.resolve': ['解决案件', 'Resolve case'],
  'case.dismiss': ['驳回案件', 'Dismiss case'],
  'case.reopen': ['重新打开案件', 'Reopen case'],
  'case.comment': ['案件备注', 'Comment on case'],
  'case.auto_resolve': ['案件自动关闭', 'Case closed automatically'],
  'case.escalate': ['案件逾期上报', 'Case escalated'],
};

/** The label of an audited action in the UI language, or undefined for an action not listed. */
export function useAuditActionLabel(): (action: string) => string | undefined {
  const { lang } = useLang();
  return (action) => {
    const label = AUDIT_ACTIONS[action];
    return label ? label[lang === 'en' ? 1 : 0] : undefined;
  };
}
