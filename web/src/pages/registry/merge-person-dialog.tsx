import { Alert, App, Button, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client.js';
import type { PersonSummary } from '../../api/types.js';
import { useRegistryLabels } from './use-registry-labels.js';

interface Props {
  person: PersonSummary;
  open: boolean;
  onClose: () => void;
  /** Called with the person who remains (the earlier-created of the two). */
  onMerged: (remaining: number) => void;
}

/**
 * Merging a person with another found to be the same: search the registry (ID number, name or
 * pinyin), pick the other person, confirm. Stored as a reviewer decision, so it survives a
 * rebuild and is undone by revoking it on the person page.
 */
export function MergePersonDialog({ person, open, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const [picked, setPicked] = useState<PersonSummary | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const search = async () => {
    if (query.trim().length === 0) return;
    const found = await api.get<{ items: PersonSummary[] }>('/api/v1/persons', { q: query.trim(), pageSize: 10 });
    setResults(found.items.filter((p) => p.id !== person.id));
    setPicked(null);
  };
  const merge = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      const result = await api.post<{ decision: string; person: number }>(`/api/v1/persons/${seg(person.id)}/merge`, { into: picked.id, ...(note.trim() ? { note: note.trim() } : {}) });
      void message.success(t('registry.merge.done'));
      onMerged(result.person);
    } finally {
      setBusy(false);
    }
  };
  const describe = (p: PersonSummary) => `${p.name ?? '—'} · ${labels.sex(p.sex)} · ${p.birthDate ?? '—'} · ${p.idNumber ?? '—'}`;

  return (
    <Modal
      open={open}
      title={t('registry.merge.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger disabled={!picked} loading={busy} onClick={() => void merge()} data-testid="person-merge-ok">
          {t('registry.merge.confirm')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('registry.merge.hint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input value={query} onChange={(e) => setQuery(e.target.value)} onPressEnter={() => void search()} placeholder={t('registry.persons.query')} data-testid="person-merge-query" />
        <Button onClick={() => void search()} data-testid="person-merge-search">
          {t('common.search')}
        </Button>
      </Space.Compact>
      {results !== null && (
        <List
          size="small"
          bordered
          dataSource={results}
          locale={{ emptyText: t('registry.persons.empty') }}
          data-testid="person-merge-results"
          renderItem={(p) => (
            <List.Item
              onClick={() => setPicked(p)}
              style={{ cursor: 'pointer', background: picked?.id === p.id ? '#e6f4ff' : undefined }}
              data-testid={`person-merge-candidate-${p.id}`}
            >
              {describe(p)}
            </List.Item>
          )}
        />
      )}
      {picked && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            message={t('registry.merge.confirmText', { a: describe(person), b: describe(picked) })}
            data-testid="person-merge-summary"
          />
          <Input style={{ marginTop: 12 }} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t('registry.reviews.note')} data-testid="person-merge-note" />
        </>
      )}
    </Modal>
  );
}
