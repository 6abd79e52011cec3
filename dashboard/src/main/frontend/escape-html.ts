// The one place the frontend turns data into HTML text. Span names, service names and every other
// value that came from an application are data: anything that ends up in an innerHTML string (an
// ECharts tooltip formatter returns one) goes through here first.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
