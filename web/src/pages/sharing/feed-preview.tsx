import { Alert, Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { Agreement, FeedItem, FeedPage } from '../../api/types.js';
import { EmptyState } from '../../components/empty-state.js';
import type { CatalogIndex } from '../exchange/use-catalog.js';
import { useExchangeLabels } from '../exchange/use-exchange-labels.js';
import { useSharingLabels } from './use-sharing-labels.js';

/** Events one "load more" asks for. */
const FEED_PREVIEW_LIMIT = 50;
const ACTION_COLORS: Record<string, string> = { create: 'green', correct: 'blue', cancel: 'red' };

interface FeedState {
  items: FeedItem[];
  next: number;
  watermark: number | null;
  hasMore: boolean;
}

const START: FeedState = { items: [], next: 0, watermark: null, hasMore: false };

/** The agreement's change feed, oldest first, a page at a time by cursor (every page read is audited). */
export function FeedPreview({ agreement, catalog }: { agreement: Agreement; catalog: CatalogIndex | undefined }) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const sharing = useSharingLabels();
  const [feed, setFeed] = useState<FeedState>(START);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = useRef(agreement.id);

  const load = useCallback(
    async (state: FeedState) => {
      const id = agreement.id;
      setLoading(true);
      setError(null);
      try {
        const page = await api.get<FeedPage>(`/api/v1/feeds/${seg(id)}`, {
          after: state.next,
          limit: FEED_PREVIEW_LIMIT,
        });
        if (current.current !== id) return;
        setFeed({
          items: [...state.items, ...page.items],
          next: page.next,
          watermark: page.watermark,
          hasMore: page.hasMore,
        });
      } catch (err) {
        if (current.current === id) setError(err);
      } finally {
        if (current.current === id) setLoading(false);
      }
    },
    [agreement.id],
  );

  useEffect(() => {
    current.current = agreement.id;
    setFeed(START);
    void load(START);
  }, [agreement.id, load]);

  const describeFields = (item: FeedItem) => {
    const type = catalog?.byKey.get(item.type);
    return Object.entries(item.fields)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([key, v]) => `${labels.fieldKey(type, key)}：${labels.fieldValue(catalog, type, key, v)}`)
      .join('；');
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('sharing.feed.hint')}</Typography.Text>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={describeError(error)}
          action={
            <Button size="small" onClick={() => void load(feed)}>
              {t('common.retry')}
            </Button>
          }
          data-testid="feed-error"
        />
      )}
      <Table<FeedItem>
        rowKey="seq"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={feed.items}
        scroll={{ x: 900 }}
        columns={[
          { title: t('sharing.feed.seq'), dataIndex: 'seq', width: 80 },
          {
            title: t('sharing.feed.type'),
            dataIndex: 'type',
            width: 160,
            render: (type: string) => (
              <Tooltip title={type}>
                <span>{labels.typeKey(catalog, type)}</span>
              </Tooltip>
            ),
          },
          {
            title: t('sharing.feed.action'),
            dataIndex: 'action',
            width: 130,
            render: (action: string, item) => (
              <Flex vertical>
                <Tag color={ACTION_COLORS[action]} style={{ width: 'fit-content' }}>
                  {sharing.feedAction(action)}
                </Tag>
                {item.refsSeq !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('sharing.feed.refs', { seq: item.refsSeq })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('sharing.feed.eventDate'),
            dataIndex: 'eventDate',
            width: 110,
            render: (d: string | null) => d ?? '—',
          },
          { title: t('sharing.feed.fields'), key: 'fields', render: (_: unknown, item) => describeFields(item) },
        ]}
        locale={{ emptyText: <EmptyState title={t('sharing.feed.empty')} hint={t('sharing.feed.emptyHint')} /> }}
        data-testid="feed-table"
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text
          type="secondary"
          data-testid="feed-status"
          data-next={feed.next}
          data-watermark={feed.watermark ?? ''}
          data-count={feed.items.length}
        >
          {t('sharing.feed.shown', { count: feed.items.length })} ·{' '}
          {feed.hasMore ? t('sharing.feed.more') : t('sharing.feed.caughtUp', { watermark: feed.watermark ?? 0 })}
        </Typography.Text>
        {feed.hasMore && (
          <Button onClick={() => void load(feed)} loading={loading} data-testid="feed-load-more">
            {t('sharing.feed.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
