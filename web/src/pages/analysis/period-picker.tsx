import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { fill, useAnalysisMessages } from './use-analysis-messages.js';
import { censusPeriod, periodKindOf, type PeriodKind } from './analysis-period.js';

const KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month', 'census', 'range'];

/** The text of a period of `kind` that contains `day`. */
function periodOf(kind: PeriodKind, day: Dayjs): string {
  switch (kind) {
    case 'year':
      return day.format('YYYY');
    case 'quarter':
      return `${day.year()}-Q${Math.floor(day.month() / 3) + 1}`;
    case 'month':
      return day.format('YYYY-MM');
    case 'census':
      return censusPeriod(day.month() >= 10 ? day.year() + 1 : day.year());
    case 'range':
      return `${day.startOf('month').format('YYYY-MM-DD')}..${day.endOf('month').format('YYYY-MM-DD')}`;
  }
}

/** A day inside the period, for the pickers to open at. */
function dayOf(period: string): Dayjs {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(period);
  if (quarter) return dayjs(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
  const census = /\.\.(\d{4})-10-31$/.exec(period);
  if (census && periodKindOf(period) === 'census') return dayjs(`${census[1]}-10-31`);
  const parsed = dayjs(period.split('..')[0]);
  return parsed.isValid() ? parsed : dayjs();
}

/** Year, quarter, month, census year (11-01..10-31) or any range of days; answers the API's period text. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const m = useAnalysisMessages();
  const [kind, setKind] = useState<PeriodKind>(periodKindOf(value));
  const day = dayOf(value);
  const pick = (next: Dayjs | null) => next && onChange(periodOf(kind, next));
  return (
    <Space wrap data-testid="analysis-period" data-period={value}>
      <Select<PeriodKind>
        value={kind}
        style={{ width: 230 }}
        aria-label={m.period.kind}
        onChange={(k) => {
          setKind(k);
          onChange(periodOf(k, day));
        }}
        options={KINDS.map((k) => ({ value: k, label: m.period[k] }))}
        data-testid="analysis-period-kind"
      />
      {kind === 'range' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(value.split('..')[0]), dayjs(value.split('..')[1] ?? value.split('..')[0])]}
          onChange={(range) => {
            if (range?.[0] && range[1]) onChange(`${range[0].format('YYYY-MM-DD')}..${range[1].format('YYYY-MM-DD')}`);
          }}
          data-testid="analysis-period-range"
        />
      ) : (
        <DatePicker
          allowClear={false}
          picker={kind === 'census' ? 'year' : kind}
          value={kind === 'census' ? dayjs(`${day.year()}-01-01`) : day}
          format={kind === 'census' ? (d) => fill(m.period.censusOf, { year: d.year() }) : undefined}
          onChange={(d) => pick(kind === 'census' && d ? d.month(9) : d)}
          data-testid="analysis-period-value"
        />
      )}
    </Space>
  );
}
