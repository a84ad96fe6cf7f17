/**
 * The print view: A4 portrait, no menu, header or controls; the key figures four to a row and
 * each chart the page's width (the SVG charts scale to it), never split across pages.
 */
export const PRINT_CSS = `
.analysis-print-only { display: none; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; background: #fff; }
  .ant-layout-sider, .ant-layout-header, .ant-layout-footer, .analysis-no-print { display: none !important; }
  .ant-layout, .ant-layout-content, main { background: #fff !important; padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  .analysis-print-only { display: block; margin-bottom: 8mm; }
  .analysis-kpi { flex: 0 0 25% !important; max-width: 25% !important; }
  .analysis-grid > .ant-col { flex: 0 0 100% !important; max-width: 100% !important; }
  .analysis-card, .analysis-kpi { break-inside: avoid; page-break-inside: avoid; }
  .analysis-chart svg { width: 100% !important; height: auto !important; }
}
`;
