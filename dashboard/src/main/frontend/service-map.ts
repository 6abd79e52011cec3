// <meerkat-service-map>: services and the peers they called as an ECharts graph. The server
// places every node in a grid cell (callers left, callees right, MapLayout.java), so the same data
// always gives the same picture. Services are circles in their service colour; databases,
// messaging systems and external hosts have their own grey shape. Clicking a service fires
// 'service-click' with its name in event.detail.service.
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

const COLUMN_WIDTH = 320;
const ROW_HEIGHT = 110;
const EDGE_COLOUR = '#8c8c8c';
const FAILING_EDGE_COLOUR = '#e03131';

class ServiceMap extends EChartsElement {
  private nodes: MapNode[] = [];
  private edges: MapEdge[] = [];

  protected chartHeight() {
    return 560;
  }

  protected onChartClick(p: any) {
    if (p.dataType === 'node' && this.nodes[p.dataIndex]?.type === 'SERVICE') {
      const service = this.nodes[p.dataIndex].name;
      this.dispatchEvent(new CustomEvent('service-click', { detail: { service } }));
    }
  }

  setGraph(nodes: MapNode[], edges: MapEdge[]) {
    this.nodes = nodes;
    this.edges = edges;
    this.render();
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
    return this.chart.convertToPixel({ seriesIndex: 0 }, [x(node), y(node)]);
  }

  protected render() {
    if (!this.chart) {
      return;
    }
    const data = this.nodes.map((n) => {
      const type = TYPES[n.type];
      return {
        name: n.name,
        x: x(n),
        y: y(n),
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
            type: 'graph',
            layout: 'none',
            left: 90,
            right: 150,
            top: 60,
            bottom: 50,
            symbolSize: 34,
            roam: false,
            // Fit the grid without stretching it: circles stay round, labels unsqueezed.
            preserveAspect: 'contain',
            categories: Object.values(TYPES).map((t) => ({
              name: t.label,
              symbol: t.symbol,
              itemStyle: { color: t.colour },
            })),
            label: {
              show: true,
              position: 'bottom',
              formatter: '{b}',
              width: 220,
              overflow: 'truncate',
            },
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 9,
            edgeLabel: { show: true, fontSize: 11 },
            lineStyle: { width: 2, opacity: 0.9 },
            emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
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

function x(node: MapNode): number {
  return node.column * COLUMN_WIDTH;
}

function y(node: MapNode): number {
  return node.row * ROW_HEIGHT;
}

customElements.define('meerkat-service-map', ServiceMap);
