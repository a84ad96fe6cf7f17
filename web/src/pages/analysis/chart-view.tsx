import { useEffect, useRef } from 'react';
import { useLang } from '../../i18n/use-lang.js';
import { echarts, type EChartsCoreOption } from './echarts-core.js';

export interface ChartViewProps {
  /** The chart's accessible name (also read out by screen readers with ECharts' own description). */
  title: string;
  option: EChartsCoreOption;
  height?: number;
  /** Called with the category name of a clicked bar or point. */
  onPick?: (name: string) => void;
  testId?: string;
}

/**
 * One ECharts chart that fills its container's width and follows it when it resizes, speaks
 * the UI language (tooltips, ECharts' own texts) and has an accessible title.
 */
export function ChartView({ title, option, height = 300, onPick, testId }: ChartViewProps) {
  const { lang } = useLang();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  // ECharts fixes its locale at init: a language switch makes a new instance.
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) pick.current?.(params.name);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: title } }, ...option }, { notMerge: true });
  }, [option, title, lang]);

  return (
    <div
      ref={host}
      role="img"
      aria-label={title}
      className="analysis-chart"
      style={{ width: '100%', height }}
      data-testid={testId}
    />
  );
}
