import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { fill, useAnalysisMessages } from './use-analysis-messages.js';
import { useLang } from '../../i18n/use-lang.js';
import { digitsFor, formatCell, SUPPRESSED } from './format-cell.js';
import type { IndicatorDetail, IndicatorReport } from './indicator-report.js';

/** Indicators of the report named by `keys`, a family key (`asfr_5y`) bringing all its members. */
export function indicatorsOf(report: IndicatorReport, keys: readonly string[]): Array<[string, IndicatorDetail]> {
  return Object.entries(report.indicators).filter(([key]) => keys.some((k) => key === k || key.startsWith(`${k}.`)));
}

/** A drawer with each indicator's definition, value, numerator and denominator. */
export function DefinitionsDrawer({
  open,
  onClose,
  title,
  report,
  keys,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  report: IndicatorReport;
  keys: readonly string[];
}) {
  const m = useAnalysisMessages();
  const { lang } = useLang();
  const items = indicatorsOf(report, keys);
  return (
    <Drawer open={open} onClose={onClose} size="large" title={fill(m.definitionsOf, { title })} destroyOnHidden>
      <div data-testid="analysis-definitions">
        {items.map(([key, d]) => {
          const digits = digitsFor(d.unit);
          const value = d.suppressed ? SUPPRESSED : d.value;
          return (
            <Descriptions
              key={key}
              size="small"
              bordered
              column={1}
              style={{ marginBottom: 16 }}
              title={
                <>
                  <code>{key}</code>{' '}
                  {d.suppressed && <Tag color="orange">{m.suppressed}</Tag>}
                  {d.not_applicable && <Tag>{m.notApplicable}</Tag>}
                </>
              }
              items={[
                { key: 'def', label: m.definition, children: <Typography.Text>{lang === 'zh' ? d.zh : d.en}</Typography.Text> },
                { key: 'value', label: m.value, children: `${formatCell(value, digits)} ${d.unit}` },
                { key: 'num', label: m.numerator, children: formatCell(d.numerator, 2) },
                { key: 'den', label: m.denominator, children: formatCell(d.denominator, 2) },
              ]}
            />
          );
        })}
      </div>
    </Drawer>
  );
}
