/**
 * Outcomes of a whole file or of a row that are decided by the exchange itself (beyond the
 * field rules of validation): stable codes with their English and Chinese messages.
 */
export const INGEST_CODES = {
  ORG_NOT_ALLOWED: {
    en: 'Your organisation type may not submit this event type.',
    zh: '本机构类型无权报送此类事件。',
  },
  MISSING_COLUMNS: {
    en: 'The file lacks required columns; download the template and keep its header row.',
    zh: '文件缺少必填列，请下载模板并保留其表头行。',
  },
  RECORD_EXISTS: {
    en: 'A different record with this record_id was already accepted; to change it, send it again with action "correct" (更正).',
    zh: '该记录编号已报送过且内容不同；如需修改，请将“操作”填为“更正”后重新报送。',
  },
  RECORD_NOT_FOUND: {
    en: 'There is no earlier record with this record_id from your organisation to correct or cancel.',
    zh: '本机构没有该记录编号的已报送记录，无法更正或撤销。',
  },
  RECORD_CANCELLED: {
    en: 'This record was cancelled; send it again with action "create" (新增) to restore it.',
    zh: '该记录已撤销；如需恢复，请将“操作”填为“新增”后重新报送。',
  },
  WHOLE_FILE_REJECTED: {
    en: 'The whole file was rejected because some rows have errors (you chose "reject the whole file on any error"); nothing was accepted.',
    zh: '因部分行有错误，整个文件被退回（您选择了“有错误则整体退回”），所有记录均未入库。',
  },
  INTERRUPTED: {
    en: 'Processing was interrupted and is being repeated.',
    zh: '处理被中断，正在重新处理。',
  },
} as const;

export type IngestCode = keyof typeof INGEST_CODES;
