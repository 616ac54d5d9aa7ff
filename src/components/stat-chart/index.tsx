import { useEffect, useMemo } from 'react';
import { Canvas, View } from '@tarojs/components';
import uCharts from '@qiun/ucharts';
import { pressable } from '../case-choice/pressable';
import { useFontScale } from '../page-shell/use-font-scale';
import { canvas2d, screenInfo } from './canvas-2d';
import './index.scss';

export interface ChartData {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}

interface StatChartProps {
  /** Unique on the page: the canvas id. */
  id: string;
  kind: 'column' | 'line';
  data: ChartData;
  /** What the chart shows, read before the table by screen readers and shown as its caption. */
  caption: string;
  /** Appended to each value in the table, e.g. '%'. */
  unit?: string;
  /** The table's rows when the chart draws fewer (e.g. the largest 8 categories of all); default `data`. */
  table?: ChartData;
  /** A count of the table that opens the records behind it, by [row][series]; none: plain text. */
  cellLink?: (row: number, series: number) => CellLink | null | undefined;
}

/** What a count of the table opens: the whole cell is the target, read out as `ariaLabel`. */
export interface CellLink {
  ariaLabel: string;
  open: () => void;
}

/** Chart text follows the app's 标准 / 大字 / 特大字 (app.scss --gl-font). */
const CHART_FONT: Record<ReturnType<typeof useFontScale>, number> = { standard: 13, large: 16, xlarge: 19 };
const HEIGHT: Record<ReturnType<typeof useFontScale>, number> = { standard: 240, large: 280, xlarge: 320 };
/** High-contrast pair, distinguishable in grey print too. */
const COLORS = ['#1f5fbf', '#d9480f', '#2b8a3e', '#862e9c'];

/**
 * A chart (uCharts on a 2D canvas, docs/decisions.md) with its plain table right below it: the table is
 * the alternative for elderly readers and screen readers (the canvas is hidden from them), and it always
 * shows every value the chart draws.
 */
export function StatChart({ id, kind, data, caption, unit = '', table = data, cellLink }: StatChartProps) {
  const scale = useFontScale();
  const height = HEIGHT[scale];
  const key = useMemo(() => JSON.stringify([data, scale]), [data, scale]);
  useEffect(() => {
    let cancelled = false;
    const width = Math.min(screenInfo().windowWidth - 48, 720);
    // After the canvas is on the page (a tick later on both platforms).
    const timer = setTimeout(() => {
      void canvas2d(id, width, height).then((drawing) => {
        if (!drawing || cancelled || data.categories.length === 0) return;
        new uCharts({
          type: kind,
          context: drawing.context,
          width: width * drawing.pixelRatio,
          height: height * drawing.pixelRatio,
          pixelRatio: drawing.pixelRatio,
          categories: data.categories,
          series: data.series,
          color: COLORS,
          fontSize: CHART_FONT[scale],
          animation: false,
          background: '#ffffff',
          padding: [16, 12, 8, 4],
          legend: { show: data.series.length > 1, fontSize: CHART_FONT[scale] },
          xAxis: { disableGrid: true, fontSize: CHART_FONT[scale], rotateLabel: data.categories.length > 6 },
          yAxis: { data: [{ min: 0, fontSize: CHART_FONT[scale] }] },
          extra: { column: { width: 18 }, line: { type: 'straight', width: 3 } },
        });
      });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, key]);

  return (
    <View className='stat-chart'>
      <View className='stat-chart__caption'>{caption}</View>
      {data.categories.length > 0 ? (
        <Canvas type='2d' id={id} canvasId={id} className='stat-chart__canvas' style={{ height: `${height}px` }} aria-hidden='true' />
      ) : (
        <View className='section__text'>这个时段还没有数据。</View>
      )}
      <View className='stat-table' role='table' aria-label={caption}>
        <View className='stat-table__row stat-table__row--head' role='row'>
          <View className='stat-table__cell' role='columnheader'>
            项目
          </View>
          {table.series.map((s) => (
            <View key={s.name} className='stat-table__cell' role='columnheader'>
              {s.name}
            </View>
          ))}
        </View>
        {table.categories.map((c, i) => (
          <View key={`${i}-${c}`} className='stat-table__row' role='row'>
            <View className='stat-table__cell' role='rowheader'>
              {c}
            </View>
            {table.series.map((s, j) => (
              <TableCount key={s.name} text={`${s.data[i]}${unit}`} link={cellLink?.(i, j) ?? undefined} />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** A count in the table: plain, or (with a link) the whole cell as a button that opens what is behind it. */
function TableCount({ text, link }: { text: string; link?: CellLink }) {
  if (!link) {
    return (
      <View className='stat-table__cell' role='cell'>
        {text}
      </View>
    );
  }
  return (
    <View className='stat-table__cell stat-table__cell--link' role='cell'>
      <View className='stat-table__link' role='button' aria-label={link.ariaLabel} {...pressable(link.open)} onClick={link.open}>
        {text} ›
      </View>
    </View>
  );
}
