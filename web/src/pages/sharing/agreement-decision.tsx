import { Alert, App, Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { AgreementAction, AgreementArea, AgreementDetail, AgreementScope } from '../../api/types.js';
import { ConfirmAction } from '../../components/confirm-action.js';
import type { CatalogIndex } from '../exchange/use-catalog.js';
import { DivisionSelect } from '../orgs/division-select.js';
import { EventFieldsPicker } from './event-fields-picker.js';
import type { EventFields } from './event-fields-picker.js';
import { PersonFieldsPicker } from './person-fields-picker.js';
import { useSharingLabels } from './use-sharing-labels.js';

/** The decisions each status allows, in button order (mirrors TRANSITIONS in agreements.service.ts). */
const ACTIONS_BY_STATUS: Record<AgreementDetail['status'], AgreementAction[]> = {
  requested: ['approve', 'refuse'],
  approved: ['narrow', 'suspend', 'revoke'],
  suspended: ['resume', 'narrow', 'revoke'],
  refused: [],
  revoked: [],
};
const DANGER: ReadonlySet<AgreementAction> = new Set(['refuse', 'revoke', 'suspend']);

function sameFields(a: EventFields, b: EventFields): boolean {
  const keys = Object.keys(a).sort();
  return (
    JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) &&
    keys.every((k) => JSON.stringify([...(a[k] ?? [])].sort()) === JSON.stringify([...(b[k] ?? [])].sort()))
  );
}

function sameArea(a: AgreementArea, b: AgreementArea): boolean {
  if (a.mode !== b.mode) return false;
  if (a.mode === 'jurisdiction' || b.mode === 'jurisdiction') return true;
  return JSON.stringify([...a.codes].sort()) === JSON.stringify([...b.codes].sort());
}

/**
 * The bureau's decision panel: untick to narrow (fields, the area down to named divisions, an
 * earlier end date), add a note, then approve, refuse, suspend, resume or revoke. The server
 * refuses anything wider than what was asked (SCOPE_NOT_NARROWER), shown in the panel.
 */
export function AgreementDecision({
  agreement,
  catalog,
  onDecided,
}: {
  agreement: AgreementDetail;
  catalog: CatalogIndex | undefined;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useSharingLabels();
  const [eventFields, setEventFields] = useState<EventFields>(agreement.eventFields);
  const [personFields, setPersonFields] = useState<string[]>(agreement.personFields);
  const [validTo, setValidTo] = useState<string>(agreement.validTo ?? '');
  const [area, setArea] = useState<AgreementArea>(agreement.area);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const actions = ACTIONS_BY_STATUS[agreement.status];
  const narrowable = actions.includes('approve') || actions.includes('narrow');
  const periodChanged = validTo !== (agreement.validTo ?? '');
  // The period may only be shortened: an end date, not after the current one nor before the start.
  const periodInvalid =
    periodChanged &&
    (validTo === '' || validTo < agreement.validFrom || (agreement.validTo !== null && validTo > agreement.validTo));
  const areaChanged = !sameArea(area, agreement.area);
  const areaEmpty = area.mode === 'divisions' && area.codes.length === 0;
  const narrowed =
    areaChanged ||
    !sameFields(eventFields, agreement.eventFields) ||
    JSON.stringify([...personFields].sort()) !== JSON.stringify([...agreement.personFields].sort()) ||
    periodChanged;
  const emptyType = Object.values(eventFields).some((fields) => fields.length === 0);
  const emptyScope = Object.keys(eventFields).length === 0 && personFields.length === 0;

  const actionLabel = (action: AgreementAction) =>
    action === 'approve' && narrowed ? t('sharing.decision.approveNarrowed') : t(`sharing.decision.${action}`);
  const org = agreement.orgName ?? agreement.orgCode;
  const describe = (action: AgreementAction): string => {
    if (action === 'approve' && narrowed) {
      return t('sharing.decision.confirmApproveNarrowed', {
        types: Object.keys(eventFields).length,
        fields: personFields.length,
      });
    }
    const key = `confirm${action.charAt(0).toUpperCase()}${action.slice(1)}` as 'confirmApprove';
    return t(`sharing.decision.${key}`, { org });
  };

  const decide = async (action: AgreementAction) => {
    setError(null);
    const scope: Partial<AgreementScope> | undefined =
      (action === 'approve' || action === 'narrow') && narrowed
        ? { eventFields, personFields, ...(periodChanged ? { validTo } : {}), ...(areaChanged ? { area } : {}) }
        : undefined;
    try {
      await api.post(`/api/v1/agreements/${seg(agreement.id)}/decision`, {
        action,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(scope ? { scope } : {}),
      });
      void message.success(t('sharing.decision.done', { action: actionLabel(action) }));
      setNote('');
      onDecided();
    } catch (err) {
      setError(err);
    }
  };

  if (actions.length === 0) {
    return (
      <Card title={t('sharing.decision.title')} data-testid="agreement-decision">
        <Typography.Text type="secondary">
          {t('sharing.decision.none', { status: labels.status(agreement.status) })}
        </Typography.Text>
      </Card>
    );
  }

  return (
    <Card title={t('sharing.decision.title')} data-testid="agreement-decision">
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={describeError(error)}
          style={{ marginBottom: 16 }}
          data-testid="decision-error"
        />
      )}
      {narrowable && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">
            {t(
              agreement.status === 'requested' ? 'sharing.decision.narrowHint' : 'sharing.decision.narrowHintApproved',
            )}
          </Typography.Text>
          {Object.keys(agreement.eventFields).length > 0 && (
            <EventFieldsPicker
              catalog={catalog}
              allowed={agreement.eventFields}
              value={eventFields}
              onChange={setEventFields}
            />
          )}
          {agreement.personFields.length > 0 && (
            <Card size="small" title={t('sharing.agreements.personFields')}>
              <PersonFieldsPicker allowed={agreement.personFields} value={personFields} onChange={setPersonFields} />
            </Card>
          )}
          <Flex vertical gap={8}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('sharing.decision.area')}</Typography.Text>
              <Radio.Group
                value={area.mode}
                onChange={(e) =>
                  setArea(
                    e.target.value === 'jurisdiction'
                      ? { mode: 'jurisdiction' }
                      : { mode: 'divisions', codes: agreement.area.mode === 'divisions' ? agreement.area.codes : [] },
                  )
                }
                data-testid="decision-area"
              >
                <Radio value="jurisdiction" disabled={agreement.area.mode === 'divisions'}>
                  {t('sharing.request.areaJurisdiction')}
                </Radio>
                <Radio value="divisions" data-testid="decision-area-divisions">
                  {t('sharing.request.areaDivisions')}
                </Radio>
              </Radio.Group>
            </Flex>
            {area.mode === 'divisions' && (
              <div style={{ maxWidth: 560 }}>
                <DivisionSelect
                  value={area.codes}
                  onChange={(codes) => setArea({ mode: 'divisions', codes })}
                  testId="decision-area-codes"
                />
                <Typography.Text type={areaEmpty ? 'danger' : 'secondary'} data-testid="decision-area-hint">
                  {areaEmpty ? t('sharing.request.areaDivisionsRequired') : t('sharing.decision.areaHint')}
                </Typography.Text>
              </div>
            )}
          </Flex>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('sharing.decision.validTo')}</Typography.Text>
            <Input
              type="date"
              value={validTo}
              min={agreement.validFrom}
              max={agreement.validTo ?? undefined}
              onChange={(e) => setValidTo(e.target.value)}
              style={{ width: 180 }}
              status={periodInvalid ? 'error' : undefined}
              data-testid="decision-valid-to"
            />
            {periodInvalid && (
              <Typography.Text type="danger" data-testid="decision-valid-to-error">
                {t('sharing.decision.validToInvalid')}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      )}
      <Flex gap={8} wrap align="center">
        <Input
          placeholder={t('sharing.decision.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          style={{ width: 320 }}
          data-testid="decision-note"
        />
        {actions.map((action) => {
          const blocked =
            ((action === 'approve' || action === 'narrow') && (emptyType || emptyScope || periodInvalid || areaEmpty)) ||
            (action === 'narrow' && !narrowed);
          return (
            <ConfirmAction
              key={action}
              title={t('sharing.decision.confirmTitle', { action: actionLabel(action) })}
              description={describe(action)}
              okText={actionLabel(action)}
              danger={DANGER.has(action)}
              onConfirm={() => decide(action)}
              okTestId="decision-confirm"
            >
              <Button
                type={action === 'approve' || action === 'resume' ? 'primary' : 'default'}
                danger={DANGER.has(action)}
                disabled={blocked}
                data-testid={`decision-${action}`}
                data-narrowed={narrowed ? 'true' : 'false'}
              >
                {actionLabel(action)}
              </Button>
            </ConfirmAction>
          );
        })}
      </Flex>
    </Card>
  );
}
