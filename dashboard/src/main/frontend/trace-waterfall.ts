// <meerkat-trace-waterfall>: one row per span, indented by depth, bar from offset to
// offset + duration (ms) in its service's colour (service-colour.ts, the same on every page);
// failed spans get a red border and red hatching on top of it. The critical path is outlined over the bars and exceptions
// are marked where they happened; the legend toggles both. Spans matching the page's attribute
// search get a pale band across their row (label column included) and a dashed outline around the
// bar; the legend names the count ("2 of 6 spans match"), and the element carries the matching
// span ids in `data-match` and says which in its aria-label, since a canvas says nothing to a
// screen reader. Clicking a bar fires 'span-click' with the row index.
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChartsElement } from './echarts-element';
import { escapeHtml } from './escape-html';
import { serviceColour } from './service-colour';

echarts.use([CustomChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface WaterfallSpan {
  spanId: string;
  name: string;
  service: string;
  depth: number;
  offset: number;
  duration: number;
  error: boolean;
  /** When each exception event happened, in ms after the trace start. */
  exceptions: number[];
}

interface PathSegment {
  spanId: string;
  row: number;
  start: number;
  end: number;
}

const CRITICAL_PATH = 'critical path';
const EXCEPTIONS = 'exceptions';

const ERROR_COLOUR = '#e03131';
// Search marks: a translucent yellow band behind the row (the bars keep their colours) and a dashed
// blue outline, unlike the critical path's solid dark one and the failed span's red border.
const MATCH_BAND = 'rgba(255, 212, 59, 0.35)';
const MATCH_OUTLINE = '#1864ab';
const ROW_HEIGHT = 28;

// Red diagonal stripes on a transparent tile: laid over a failed span's bar, its service colour
// still shows between them, and the error does not depend on telling colours apart.
function hatch(): HTMLCanvasElement {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const g = tile.getContext('2d')!;
  g.strokeStyle = ERROR_COLOUR;
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return tile;
}

let errorHatch: HTMLCanvasElement | undefined;

// The rectangle from value 1 to value 2 on row value 0, `share` of the row high, clipped to the
// plot; null when it lies outside.
function rowRect(params: any, api: any, share: number): any {
  const row = api.value(0);
  const start = api.coord([api.value(1), row]);
  const end = api.coord([api.value(2), row]);
  const height = api.size([0, 1])[1] * share;
  const { x, y, width, height: plotHeight } = params.coordSys;
  return echarts.graphic.clipRectByRect(
    { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height },
    { x, y, width, height: plotHeight },
  );
}

// A span's bar in its service colour; a failed span's (value 4 is 1) also hatched, and its red
// border (itemStyle.borderColor) comes with api.style().
function renderBar(params: any, api: any): any {
  const shape = rowRect(params, api, 0.6);
  if (!shape) {
    return null;
  }
  const bar = { type: 'rect', shape, style: api.style() };
  if (!api.value(4)) {
    return bar;
  }
  errorHatch ??= hatch();
  const stripes = { image: errorHatch, repeat: 'repeat' };
  return {
    type: 'group',
    children: [bar, { type: 'rect', shape, silent: true, style: { fill: stripes } }],
  };
}

// A critical-path segment: a dark outline a little taller than the bar it lies on.
function renderPathSegment(params: any, api: any): any {
  const shape = rowRect(params, api, 0.8);
  const style = { fill: 'rgba(0, 0, 0, 0)', stroke: '#212529', lineWidth: 2 };
  return shape && { type: 'rect', shape, style };
}

// A span matching the search: a band across its whole row, behind the bars (z2 below them), and
// a dashed outline around its bar, above the bars and the critical-path outline.
function renderMatch(params: any, api: any): any {
  const [, y] = api.coord([0, api.value(0)]);
  const rowHeight = api.size([0, 1])[1];
  const { x, width } = params.coordSys;
  const band = {
    type: 'rect',
    z2: -10,
    shape: { x: 0, y: y - rowHeight / 2, width: x + width, height: rowHeight },
    style: { fill: MATCH_BAND },
  };
  const bar = rowRect(params, api, 0.92);
  if (!bar) {
    return band;
  }
  const outline = {
    type: 'rect',
    z2: 10,
    shape: { x: bar.x - 3, y: bar.y, width: bar.width + 6, height: bar.height },
    style: { fill: 'rgba(0, 0, 0, 0)', stroke: MATCH_OUTLINE, lineWidth: 2, lineDash: [4, 3] },
  };
  return { type: 'group', children: [band, outline] };
}

// An exception: a red triangle pointing down at the moment it was recorded, above the bar.
function renderException(_params: any, api: any): any {
  const [x, y] = api.coord([api.value(1), api.value(0)]);
  const top = y - api.size([0, 1])[1] * 0.5;
  return {
    type: 'polygon',
    shape: { points: [[x - 5, top], [x + 5, top], [x, top + 8]] },
    style: { fill: '#c92a2a', stroke: '#fff', lineWidth: 1 },
  };
}

class TraceWaterfall extends EChartsElement {
  private spans: WaterfallSpan[] = [];
  private path: PathSegment[] = [];
  private matchedIds: string[] = [];
  private matchSummary = '';

  protected chartHeight() {
    return this.heightFor(this.spans.length);
  }

  protected onChartClick(p: any) {
    if (p.seriesIndex === 0) {
      this.dispatchEvent(new CustomEvent('span-click', { detail: { index: p.dataIndex } }));
    }
  }

  setSpans(spans: WaterfallSpan[], path: PathSegment[]) {
    this.spans = spans;
    this.path = path;
    this.style.height = `${this.heightFor(spans.length)}px`;
    this.chart?.resize();
    this.describe();
    this.render();
  }

  /**
   * Marks the spans whose attributes match the search; `summary` ("2 of 6 spans match") names the
   * marks in the legend. No ids and an empty summary: no search, no marks.
   */
  setMatches(spanIds: string[], summary: string) {
    this.matchedIds = spanIds;
    this.matchSummary = summary;
    if (spanIds.length > 0) {
      this.setAttribute('data-match', spanIds.join(' '));
    } else {
      this.removeAttribute('data-match');
    }
    this.describe();
    this.render();
  }

  /** What the canvas shows, for screen readers: the span count and the search's matches. */
  private describe() {
    const matched = new Set(this.matchedIds);
    const names = this.spans.filter((s) => matched.has(s.spanId)).map((s) => s.name);
    const search = this.matchSummary
      ? ` ${this.matchSummary}${names.length > 0 ? ': ' + names.join(', ') : ''}.`
      : '';
    this.setAttribute('role', 'img');
    this.setAttribute('aria-label', `Trace waterfall of ${this.spans.length} spans.${search}`);
  }

  /** The chart's current option: what tests read to check what is drawn. */
  option(): any {
    return this.chart?.getOption();
  }

  private heightFor(rows: number) {
    return Math.max(140, rows * ROW_HEIGHT + 70);
  }

  protected render() {
    if (!this.chart) {
      return;
    }
    const labels = this.spans.map((s) => '\u00a0'.repeat(s.depth * 3) + s.name);
    const data = this.spans.map((s, i) => ({
      name: `${s.name} (${s.service})`,
      value: [i, s.offset, s.offset + s.duration, s.duration, s.error ? 1 : 0],
      itemStyle: s.error
        ? { color: serviceColour(s.service), borderColor: ERROR_COLOUR, borderWidth: 2 }
        : { color: serviceColour(s.service) },
    }));
    const path = this.path.map((p) => ({ name: p.spanId, value: [p.row, p.start, p.end] }));
    const exceptions = this.spans.flatMap((s, i) =>
      s.exceptions.map((at) => ({ name: s.spanId, value: [i, at] })),
    );
    const matched = new Set(this.matchedIds);
    const matches = this.spans.flatMap((s, i) =>
      matched.has(s.spanId) ? [{ name: s.spanId, value: [i, s.offset, s.offset + s.duration] }] : [],
    );
    const matchLegend = this.matchSummary
      ? [
          {
            name: this.matchSummary,
            icon: 'rect',
            itemStyle: {
              color: MATCH_BAND,
              borderColor: MATCH_OUTLINE,
              borderWidth: 2,
              borderType: 'dashed',
            },
          },
        ]
      : [];
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 260, right: 40, top: 30, bottom: 30 },
        tooltip: {
          // A span name may be 100 kB: wrap and clip it inside the chart instead of covering the page.
          confine: true,
          className: 'meerkat-waterfall-tooltip',
          extraCssText:
            'max-width: 600px; max-height: 240px; overflow: hidden;' +
            ' white-space: normal; overflow-wrap: anywhere;',
          // ECharts puts the formatter's string into innerHTML: the span and service names are
          // escaped, or a span named <img onerror=...> would run script in the reader's browser.
          formatter: (p: any) =>
            `${escapeHtml(p.name)}<br/>${p.value[3].toFixed(3)} ms, starts at +${p.value[1].toFixed(3)} ms`,
        },
        xAxis: { type: 'value', position: 'top', min: 0, axisLabel: { formatter: '{value} ms' } },
        yAxis: {
          type: 'category',
          data: labels,
          inverse: true,
          axisTick: { show: false },
          axisLabel: { align: 'left', margin: 250, width: 240, overflow: 'truncate' },
        },
        // In the label column's free corners, so the plot keeps its place (top 30, bottom 30)
        // with or without a search: the overlays on top, the search's count below.
        legend: [
          {
            left: 0,
            top: 4,
            data: [
              {
                name: CRITICAL_PATH,
                icon: 'rect',
                itemStyle: { color: '#fff', borderColor: '#212529', borderWidth: 2 },
              },
              { name: EXCEPTIONS, icon: 'triangle', itemStyle: { color: '#c92a2a' } },
            ],
          },
          { left: 0, bottom: 4, data: matchLegend },
        ],
        series: [
          { type: 'custom', renderItem: renderBar, encode: { x: [1, 2], y: 0 }, data },
          // Overlays are silent: hovering or clicking goes through to the span's bar.
          {
            type: 'custom',
            name: CRITICAL_PATH,
            silent: true,
            tooltip: { show: false },
            renderItem: renderPathSegment,
            encode: { x: [1, 2], y: 0 },
            data: path,
          },
          {
            type: 'custom',
            name: EXCEPTIONS,
            silent: true,
            tooltip: { show: false },
            renderItem: renderException,
            encode: { x: 1, y: 0 },
            data: exceptions,
          },
          {
            type: 'custom',
            name: this.matchSummary,
            silent: true,
            tooltip: { show: false },
            renderItem: renderMatch,
            encode: { x: [1, 2], y: 0 },
            data: matches,
          },
        ],
      },
      true,
    );
  }
}

customElements.define('meerkat-trace-waterfall', TraceWaterfall);
