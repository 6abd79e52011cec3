// <meerkat-service-map>: services and the peers they called as an ECharts graph. The server
// places every node in a grid cell (callers left, callees right, at most 8 rows: MapLayout.java),
// so the same data always gives the same picture. Services are circles in their service colour;
// databases, messaging systems and external hosts have their own grey shape. Clicking a service
// fires 'service-click' with its name in event.detail.service. The wheel zooms, dragging moves the
// map (ECharts roam), resetView() puts it back.
//
// Labels stay apart: the grid's columns share the plot's width and its rows its height, in pixels,
// so the 8 rows of the 560-pixel map lie at least 64 pixels apart (a symbol and its label), and a
// label is cut in the middle to the columns' distance on screen ("inventory-res…onciler-07": names
// often differ only at the end); zooming in shows more of it.
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChartsElement } from './echarts-element';
import { escapeHtml } from './escape-html';
import { serviceColour } from './service-colour';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

interface MapNode {
  name: string;
  type: 'SERVICE' | 'DATABASE' | 'MESSAGING' | 'EXTERNAL';
  column: number;
  row: number;
}

interface MapEdge {
  source: string;
  target: string;
  type: string;
  label: string;
  rate: string;
  errors: string;
  p99: string;
  failing: boolean;
}

/** Per node type: legend name, symbol and (for peers) colour; services take their own colour. */
const TYPES = {
  SERVICE: { category: 0, label: 'Service', symbol: 'circle', colour: '#666666' },
  DATABASE: { category: 1, label: 'Database', symbol: 'roundRect', colour: '#4a5563' },
  MESSAGING: { category: 2, label: 'Messaging', symbol: 'diamond', colour: '#7a6a53' },
  EXTERNAL: { category: 3, label: 'External host', symbol: 'triangle', colour: '#8c8c8c' },
};

// The plot inside the element (series left/right/top/bottom): the legend above, labels below.
const PLOT = { left: 90, right: 150, top: 60, bottom: 50 };
const HEIGHT = 560;
/** The label font, as ECharts draws it (its default), to measure names with. */
const LABEL_FONT = '12px sans-serif';
/** Pixels between two labels side by side; a label is at most the column distance minus this. */
const LABEL_GAP = 12;
/** Longest label, in pixels, when one column or a deep zoom leaves room for more. */
const MAX_LABEL_WIDTH = 320;
/** Above this many edges their labels would cover each other: they show on hover only. */
const MAX_EDGE_LABELS = 12;
const EDGE_COLOUR = '#8c8c8c';
const FAILING_EDGE_COLOUR = '#e03131';

class ServiceMap extends EChartsElement {
  private nodes: MapNode[] = [];
  private edges: MapEdge[] = [];
  private labelWidth = 0;
  /** Pixels between two grid columns and two rows at zoom 1; 0 with a single column or row. */
  private pitch = { column: 0, row: 0 };
  private drawnSize = '';

  protected chartHeight() {
    return HEIGHT;
  }

  /** A new size spreads the grid anew (which also resets a zoom). */
  protected onResize() {
    if (`${this.clientWidth}x${this.clientHeight}` !== this.drawnSize) {
      this.render();
    }
  }

  connectedCallback() {
    super.connectedCallback();
    // A zoom changes the columns' distance on screen, a resize too: labels follow. Moving does not.
    this.chart!.on('graphRoam', () => this.fitLabels());
    this.chart!.on('finished', () => this.fitLabels());
  }

  /** Back to the whole map at zoom 1, as first drawn. */
  resetView() {
    this.render();
  }

  /**
   * How many screen pixels apart two grid columns are now, zoom included; 0 with a single column
   * (for tests and tools).
   */
  columnPixels(): number {
    if (!this.chart || this.pitch.column === 0) {
      return 0;
    }
    const left = this.chart.convertToPixel({ seriesIndex: 0 }, [0, 0]);
    const right = this.chart.convertToPixel({ seriesIndex: 0 }, [this.pitch.column, 0]);
    return right[0] - left[0];
  }

  /**
   * Each node's label as drawn: its text box in pixels from the element's top left (for tests and
   * tools). Reads ECharts' own label elements, the only place the truncated text's size is known.
   */
  labelBoxes(): { name: string; text: string; x: number; y: number; width: number; height: number }[] {
    const series = (this.chart as any)?.getModel().getSeriesByIndex(0);
    if (!series) {
      return [];
    }
    const data = series.getData();
    return this.nodes.flatMap((node, i) => {
      // The node is a Symbol group; its label hangs on the symbol's path.
      const label = data.getItemGraphicEl(i)?.getSymbolPath?.()?.getTextContent();
      if (!label || label.ignore || label.invisible) {
        return [];
      }
      const box = label.getBoundingRect().clone();
      box.applyTransform(label.getComputedTransform());
      // zrender gives a plain text line about 4 pixels of height here (its own font metrics); the
      // line is as high as the font, from the label's top down.
      const { x, y, width } = box;
      const height = Math.max(box.height, lineHeight(label.style.font));
      return [{ name: node.name, text: label.style.text, x, y, width, height }];
    });
  }

  /** Cuts labels to the columns' distance on screen; sets the option only when that changed. */
  private fitLabels() {
    const columns = this.columnPixels();
    const width = Math.round(
      columns === 0 ? MAX_LABEL_WIDTH : Math.min(MAX_LABEL_WIDTH, Math.max(1, columns - LABEL_GAP)),
    );
    if (!this.chart || this.nodes.length === 0 || width === this.labelWidth) {
      return;
    }
    this.labelWidth = width;
    // The formatter reads labelWidth; ECharts' own truncation stays as a safety net.
    this.chart.setOption({ series: [{ id: 'map', label: { width } }] });
  }

  protected onChartClick(p: any) {
    if (p.dataType === 'node' && this.nodes[p.dataIndex]?.type === 'SERVICE') {
      const service = this.nodes[p.dataIndex].name;
      this.dispatchEvent(new CustomEvent('service-click', { detail: { service } }));
    }
  }

  /** New data (a new time, an auto-refresh) keeps the reader's zoom and place. */
  setGraph(nodes: MapNode[], edges: MapEdge[]) {
    const shown = (this.chart?.getOption() as any)?.series?.[0];
    this.nodes = nodes;
    this.edges = edges;
    this.render(shown?.zoom, shown?.center);
  }

  /** The chart's current option (for tests and tools). */
  chartOption(): any {
    return this.chart?.getOption();
  }

  /** The colour service-colour.ts gives a service name (for tests and tools). */
  colourOf(service: string): string {
    return serviceColour(service);
  }

  /** Where a node is drawn, in pixels from the element's top left (for tests and tools). */
  pixelOf(name: string): number[] | null {
    const node = this.nodes.find((n) => n.name === name);
    if (!node || !this.chart) {
      return null;
    }
    return this.chart.convertToPixel({ seriesIndex: 0 }, this.position(node));
  }

  /** A node's place in the chart's data space: its grid cell in pixels at zoom 1. */
  private position(node: MapNode): number[] {
    return [node.column * this.pitch.column, node.row * this.pitch.row];
  }

  /**
   * The grid's columns spread over the plot's width, its rows over its height. ECharts fits the
   * nodes' box into the plot keeping its aspect (so symbols stay round); as the box has the plot's
   * own aspect, one data unit is one pixel.
   */
  private spreadGrid() {
    this.drawnSize = `${this.clientWidth}x${this.clientHeight}`;
    const columns = Math.max(0, ...this.nodes.map((n) => n.column));
    const rows = Math.max(0, ...this.nodes.map((n) => n.row));
    const width = Math.max(0, this.clientWidth - PLOT.left - PLOT.right);
    const height = Math.max(0, this.clientHeight - PLOT.top - PLOT.bottom);
    this.pitch = { column: columns > 0 ? width / columns : 0, row: rows > 0 ? height / rows : 0 };
  }

  /** Draws the map at zoom 1, or at the given zoom and centre (data space) of a roam. */
  protected render(zoom?: number, center?: number[]) {
    if (!this.chart) {
      return;
    }
    this.labelWidth = 0;
    this.spreadGrid();
    const data = this.nodes.map((n) => {
      const type = TYPES[n.type];
      const [x, y] = this.position(n);
      return {
        name: n.name,
        // The grid cell, for tests and tools.
        value: [n.column, n.row],
        x,
        y,
        category: type.category,
        symbol: type.symbol,
        itemStyle: { color: n.type === 'SERVICE' ? serviceColour(n.name) : type.colour },
      };
    });
    const links = this.edges.map((e) => ({
      source: e.source,
      target: e.target,
      label: { formatter: () => e.label },
      lineStyle: { color: e.failing ? FAILING_EDGE_COLOUR : EDGE_COLOUR },
    }));
    this.chart.setOption(
      {
        animation: false,
        legend: { top: 0, data: Object.values(TYPES).map((t) => t.label) },
        tooltip: {
          trigger: 'item',
          confine: true,
          className: 'meerkat-map-tooltip',
          extraCssText: 'max-width: 500px; white-space: normal; overflow-wrap: anywhere;',
          // ECharts puts this string into innerHTML: names are data and are escaped, or a peer
          // host named <img onerror=...> would run script in the reader's browser.
          formatter: (p: any) => this.tooltip(p),
        },
        series: [
          {
            id: 'map',
            type: 'graph',
            layout: 'none',
            ...PLOT,
            symbolSize: 34,
            // Wheel zooms, drag moves; resetView() undoes both.
            roam: true,
            ...(zoom === undefined ? {} : { zoom }),
            ...(center === undefined ? {} : { center }),
            // Anywhere on the chart, not only over the nodes' box.
            roamTrigger: 'global',
            // Never stretch: circles stay round, labels unsqueezed (spreadGrid fills the plot).
            preserveAspect: 'contain',
            categories: Object.values(TYPES).map((t) => ({
              name: t.label,
              symbol: t.symbol,
              itemStyle: { color: t.colour },
            })),
            label: {
              show: true,
              position: 'bottom',
              formatter: (p: any) => middleCut(p.name, this.labelWidth || MAX_LABEL_WIDTH),
              width: MAX_LABEL_WIDTH,
              overflow: 'truncate',
            },
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 9,
            edgeLabel: { show: this.edges.length <= MAX_EDGE_LABELS, fontSize: 11 },
            lineStyle: { width: 2, opacity: 0.9 },
            emphasis: { focus: 'adjacency', lineStyle: { width: 4 }, edgeLabel: { show: true } },
            data,
            links,
          },
        ],
      },
      true,
    );
  }

  private tooltip(p: any): string {
    if (p.dataType === 'edge') {
      const e = this.edges[p.dataIndex];
      return (
        `${escapeHtml(e.source)} → ${escapeHtml(e.target)} (${escapeHtml(e.type.toLowerCase())})<br/>` +
        `rate ${escapeHtml(e.rate)}<br/>errors ${escapeHtml(e.errors)}<br/>p99 ${escapeHtml(e.p99)}`
      );
    }
    const n = this.nodes[p.dataIndex];
    const type = TYPES[n.type];
    return (
      `${escapeHtml(n.name)}<br/>${escapeHtml(type.label.toLowerCase())}` +
      (n.type === 'SERVICE' ? '<br/>click to open its service page' : '')
    );
  }
}

let measure: CanvasRenderingContext2D | undefined;

function measured(text: string, font: string): TextMetrics {
  measure ??= document.createElement('canvas').getContext('2d')!;
  measure.font = font;
  return measure.measureText(text);
}

function textWidth(text: string): number {
  return measured(text, LABEL_FONT).width;
}

/** A line's full height in `font`: its ascent and descent. */
function lineHeight(font: string): number {
  const metrics = measured('Mg', font);
  return metrics.fontBoundingBoxAscent + metrics.fontBoundingBoxDescent;
}

/** The name if it fits `width` pixels, else its start and end around '…', as many as fit. */
function middleCut(name: string, width: number): string {
  if (textWidth(name) <= width) {
    return name;
  }
  const cut = (kept: number) =>
    name.slice(0, Math.ceil(kept / 2)) + '…' + name.slice(name.length - Math.floor(kept / 2));
  let fits = 0;
  let tooLong = name.length;
  while (tooLong - fits > 1) {
    const kept = Math.floor((fits + tooLong) / 2);
    if (textWidth(cut(kept)) <= width) {
      fits = kept;
    } else {
      tooLong = kept;
    }
  }
  return cut(fits);
}

customElements.define('meerkat-service-map', ServiceMap);
