import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Submit } from './use-submit';

/** What an export action answers: where the workbook is and how many rows it holds. */
export interface ExcelFile {
  url: string;
  rows: number;
}

/** A made workbook as the page shows it: H5 offers `url` as a link, labelled with `label` and `rows`. */
export interface ExcelLinkState extends ExcelFile {
  label: string;
}

export interface ExcelExport {
  link: ExcelLinkState | null;
  /** A workbook is being made (the page's other actions may share its `submit`). */
  making: boolean;
  /** Makes the workbook through the page's `submit` (one at a time, errors shown as the page shows them). */
  make: (label: string, create: () => Promise<ExcelFile>) => void;
}

/**
 * Every Excel export the same way (台账, 公示, 季度汇总, 排名, 操作记录): the call runs under the page's
 * `submit`, weapp downloads the file and opens it in WeChat's viewer (forward or save from there), H5
 * keeps a link for `ExcelLink`, since a browser may block a window opened after an await.
 */
export function useExcelExport(submit: Submit): ExcelExport {
  const [link, setLink] = useState<ExcelLinkState | null>(null);
  const [making, setMaking] = useState(false);
  const make = (label: string, create: () => Promise<ExcelFile>) =>
    void submit.run(async () => {
      setLink(null);
      setMaking(true);
      try {
        const file = await create();
        setLink({ label, url: file.url, rows: file.rows });
        if (process.env.TARO_ENV !== 'h5') {
          const local = await Taro.downloadFile({ url: file.url });
          await Taro.openDocument({ filePath: local.tempFilePath, fileType: 'xlsx', showMenu: true });
        }
        return file;
      } finally {
        setMaking(false);
      }
    });
  return { link, making, make };
}
